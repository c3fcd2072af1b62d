import type { AnyCommand } from './command.js';
import { describeOptions } from './describe-options.js';

/** One-line usage of a command, e.g. `/lookup <query> [--limit N] [--offset N]`, for help and error messages. */
export function usageOf(command: AnyCommand): string {
  const parts = [`/${command.name}`];
  for (const spec of describeOptions(command)) {
    const placeholder = spec.choices ? spec.choices.join('|') : spec.type === 'integer' || spec.type === 'number' ? 'N' : spec.name;
    if (spec.positional) {
      parts.push(spec.required ? `<${placeholder}>` : `[${placeholder}]`);
    } else if (spec.type === 'boolean') {
      parts.push(`[--${spec.name}]`);
    } else {
      parts.push(`[--${spec.name} ${placeholder}]`);
    }
  }
  return parts.join(' ');
}
