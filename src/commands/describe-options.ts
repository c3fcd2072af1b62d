import type { z } from 'zod';
import type { AnyCommand, AutocompleteSource } from './command.js';

/** One option of a command, read off its zod schema: what every adapter needs to present it. */
export interface OptionSpec {
  name: string;
  description: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  required: boolean;
  choices?: string[];
  min?: number;
  max?: number;
  /** Filled by bare words in typed text (Slack, console), in declaration order. */
  positional: boolean;
  /** Takes all remaining words. */
  rest: boolean;
  autocomplete?: AutocompleteSource;
  defaultValue?: unknown;
}

interface ZodLike {
  description?: string;
  def: { type: string; innerType?: ZodLike; defaultValue?: unknown };
  isInt?: boolean;
  minValue?: number | null;
  maxValue?: number | null;
  /** zod 4 strings report their length bounds here, not in min/maxValue. */
  minLength?: number | null;
  maxLength?: number | null;
  options?: readonly string[];
}

const SAFE_LIMIT = Number.MAX_SAFE_INTEGER;

/** Reads a command's options schema into plain specs, in declaration order. */
export function describeOptions(command: AnyCommand): OptionSpec[] {
  const shape = command.options.shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, schema]) => {
    let node = schema as unknown as ZodLike;
    let description = node.description;
    let required = true;
    let defaultValue: unknown;
    while ((node.def.type === 'optional' || node.def.type === 'default') && node.def.innerType) {
      required = false;
      if (node.def.type === 'default') defaultValue = node.def.defaultValue;
      node = node.def.innerType;
      description ??= node.description;
    }
    const spec: OptionSpec = {
      name,
      description: description ?? name,
      type: typeOf(node),
      required,
      positional: command.positional.includes(name),
      rest: command.rest === name,
    };
    if (node.options) spec.choices = [...node.options];
    if (typeof node.minValue === 'number' && Math.abs(node.minValue) < SAFE_LIMIT) spec.min = node.minValue;
    if (typeof node.maxValue === 'number' && Math.abs(node.maxValue) < SAFE_LIMIT) spec.max = node.maxValue;
    if (spec.type === 'string' && typeof node.minLength === 'number') spec.min = node.minLength;
    if (spec.type === 'string' && typeof node.maxLength === 'number') spec.max = node.maxLength;
    const source = (command.autocomplete as Record<string, AutocompleteSource> | undefined)?.[name];
    if (source) spec.autocomplete = source;
    if (defaultValue !== undefined) spec.defaultValue = defaultValue;
    return spec;
  });
}

function typeOf(node: ZodLike): OptionSpec['type'] {
  switch (node.def.type) {
    case 'number':
      return node.isInt ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}
