import { randomBytes } from 'node:crypto';
import { type Reply, textReply } from '../core/reply.js';
import { UserError } from '../core/user-error.js';
import type { AnyCommand, CommandContext } from './command.js';
import { commandMessages } from './command-messages.js';
import { nearestName } from './nearest-name.js';
import { parseText } from './parse-text.js';
import { validateOptions } from './validate-options.js';

/** A request to run a command: typed text (Slack, console, buttons) or typed options (Discord). */
export interface Invocation {
  command: string;
  text?: string;
  options?: Record<string, unknown>;
}

/**
 * Runs one invocation against a list of declarations and always returns a reply:
 * user errors become friendly private replies; anything else is logged with a reference id.
 */
export async function dispatch(commands: readonly AnyCommand[], invocation: Invocation, ctx: CommandContext): Promise<Reply> {
  const started = Date.now();
  const log = ctx.services.logger.child({ command: invocation.command, platform: ctx.platform, channel: ctx.channel });
  const command = commands.find((candidate) => candidate.name === invocation.command.toLowerCase());
  if (!command) {
    return textReply(
      commandMessages.unknownCommand(
        invocation.command,
        commands.map((c) => c.name),
        nearestName(
          invocation.command,
          commands.map((c) => c.name),
        ),
      ),
      { isError: true },
    );
  }
  try {
    const raw = invocation.options ?? parseText(command, invocation.text ?? '');
    const options = validateOptions(command, raw);
    const reply = await command.run(options, ctx);
    log.info({ outcome: reply.isError ? 'user_error' : 'ok', durationMs: Date.now() - started }, 'command');
    return reply;
  } catch (error) {
    if (error instanceof UserError) {
      log.info({ outcome: 'user_error', code: error.code, durationMs: Date.now() - started }, 'command');
      return textReply(error.message, { isError: true });
    }
    const refId = randomBytes(4).toString('hex');
    log.error({ outcome: 'error', refId, err: error, durationMs: Date.now() - started }, 'command failed');
    return textReply(commandMessages.internalError(refId), { isError: true });
  }
}
