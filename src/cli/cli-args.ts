import { parseArgs } from 'node:util';
import type { AnyCommand } from '../commands/command.js';
import { describeOptions } from '../commands/describe-options.js';
import { UserError } from '../core/user-error.js';

/** Flags every CLI command understands besides its own options. */
export const COMMON_FLAGS = {
  json: { type: 'boolean' },
  seeds: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CliArgs {
  options: Record<string, unknown>;
  json: boolean;
  seeds: string | undefined;
  help: boolean;
  positionals: string[];
  extra: Record<string, string | boolean | undefined>;
}

/**
 * Parses shell arguments for a declared command: its options become `--flags` (camelCase or kebab-case),
 * bare words fill its positional options, the rest option joins the remaining words.
 */
export function parseCliArgs(
  command: AnyCommand,
  argv: string[],
  extraFlags: Record<string, { type: 'string' | 'boolean' }> = {},
): CliArgs {
  const specs = describeOptions(command);
  const flagTypes: Record<string, { type: 'string' | 'boolean' }> = { ...extraFlags };
  for (const spec of specs) flagTypes[kebab(spec.name)] = { type: spec.type === 'boolean' ? 'boolean' : 'string' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: { ...flagTypes, ...COMMON_FLAGS }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError('bad_arguments', friendlyParseError(error, command, Object.keys(flagTypes)));
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const options: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = values[kebab(spec.name)];
    if (value !== undefined) options[spec.name] = value;
  }
  // Shell quoting only groups words; a phrase search is asked for with quotes inside: '"shared future"'.
  const words = parsed.positionals;
  const positional = specs.filter((spec) => spec.positional && options[spec.name] === undefined);
  let index = 0;
  for (const spec of positional) {
    if (index >= words.length) break;
    if (spec.rest) {
      options[spec.name] = words.slice(index).join(' ');
      index = words.length;
    } else {
      options[spec.name] = parsed.positionals[index];
      index++;
    }
  }
  if (index < words.length) {
    throw new UserError(
      'unexpected_words',
      `readout ${command.name} did not expect "${words.slice(index).join(' ')}". Try: readout ${command.name} --help`,
    );
  }
  const extra: Record<string, string | boolean | undefined> = {};
  for (const name of Object.keys(extraFlags)) extra[name] = values[name];
  return {
    options,
    json: values['json'] === true,
    seeds: typeof values['seeds'] === 'string' ? values['seeds'] : undefined,
    help: values['help'] === true,
    positionals: parsed.positionals,
    extra,
  };
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function friendlyParseError(error: unknown, command: AnyCommand, flags: string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const accepted = [...flags, ...Object.keys(COMMON_FLAGS)].map((f) => `--${f}`).join(', ');
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `readout ${command.name} has no option ${unknown[1]}. It accepts: ${accepted}.`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value. See readout ${command.name} --help.`;
  return `${message.split('\n')[0]} (readout ${command.name} accepts: ${accepted})`;
}
