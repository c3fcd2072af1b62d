import { parseArgs } from 'node:util';
import { UserError } from '../core/user-error.js';

/** `readout start [--seeds DIR]`: the flags the bot's start understands. */
export function parseStartArgs(argv: readonly string[]): { seeds: string | undefined } {
  try {
    const { values } = parseArgs({ args: [...argv], options: { seeds: { type: 'string' } }, strict: true, allowPositionals: false });
    return { seeds: values.seeds };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserError('bad_arguments', `readout start accepts --seeds DIR (${detail}).`);
  }
}
