import type { CommandContext } from './command.js';

/** The console and the command line are operated by whoever runs the process; in chat, only the users in READOUT_OPERATORS. */
export function isOperator(ctx: CommandContext): boolean {
  if (ctx.platform === 'console' || ctx.platform === 'cli') return true;
  return (ctx.services.operators ?? []).includes(ctx.user);
}
