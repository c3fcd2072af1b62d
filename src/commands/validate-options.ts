import { UserError } from '../core/user-error.js';
import type { AnyCommand } from './command.js';
import { commandMessages } from './command-messages.js';
import { describeOptions, type OptionSpec } from './describe-options.js';
import { usageOf } from './usage.js';

/**
 * Validates raw option values (strings from typed text, or typed values from Discord) against a
 * command's zod schema, turning every failure into a UserError that names the option.
 */
export function validateOptions(command: AnyCommand, raw: Record<string, unknown>): Record<string, unknown> {
  const specs = describeOptions(command);
  const coerced: Record<string, unknown> = Object.create(null);
  for (const spec of specs) {
    const value = raw[spec.name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '' && spec.type === 'string') {
      throw new UserError('missing_value', commandMessages.emptyValue(command.name, spec.name));
    }
    coerced[spec.name] = coerce(spec, value);
  }
  const parsed = command.options.safeParse(coerced);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? '');
  const spec = specs.find((s) => s.name === name);
  if (spec && coerced[name] === undefined) {
    throw new UserError('missing_option', commandMessages.missingOption(command.name, name, usageOf(command)));
  }
  const value = coerced[name];
  if (issue.code === 'too_big' && issue.origin === 'string' && typeof value === 'string') {
    throw new UserError('too_long', commandMessages.tooLong(command.name, name, value.length, Number(issue.maximum)));
  }
  throw new UserError('invalid_option', commandMessages.invalidValue(name, friendlyIssue(issue, spec)));
}

function coerce(spec: OptionSpec, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (spec.type === 'integer' || spec.type === 'number') {
    const number = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(number) || (spec.type === 'integer' && !Number.isInteger(number))) {
      throw new UserError('invalid_option', commandMessages.notANumber(spec.name, value));
    }
    return number;
  }
  if (spec.type === 'boolean') {
    const lowered = value.toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(lowered)) return true;
    if (['false', 'no', 'off', '0'].includes(lowered)) return false;
    throw new UserError('invalid_option', commandMessages.notABoolean(spec.name, value));
  }
  if (spec.choices) {
    const match = spec.choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
    return match ?? value;
  }
  return value;
}

interface IssueLike {
  code: string;
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
}

function friendlyIssue(issue: IssueLike, spec: OptionSpec | undefined): string {
  if (issue.code === 'too_small' && issue.origin === 'number') return `must be at least ${String(issue.minimum)}.`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `must be at most ${String(issue.maximum)}.`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `is too long (at most ${String(issue.maximum)} characters).`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty.';
  if (spec?.choices) return `must be one of ${spec.choices.join(', ')}.`;
  return `${issue.message}.`;
}
