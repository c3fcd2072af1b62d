import type { RespondFn } from '@slack/bolt';
import { createContext } from '../../commands/create-context.js';
import { dispatchPlatform } from '../../commands/platform-commands.js';
import { textReply } from '../../core/reply.js';
import { runSafely } from './run-safely.js';
import type { SlackDeps, SlackWhere } from './slack-deps.js';
import { toRespondArguments } from './to-respond-arguments.js';

/** Runs a slash command (already acknowledged) and answers through its response_url. */
export async function handleSlashCommand(
  deps: SlackDeps,
  input: { command: string; text: string; where: SlackWhere },
  respond: RespondFn,
): Promise<void> {
  const name = input.command.replace(/^\//, '').toLowerCase();
  const reply = await runSafely(deps.logger, async () => {
    const ctx = await createContext(
      { platform: 'slack', workspace: input.where.team, channel: input.where.channel, user: input.where.user },
      deps.services,
      { clock: deps.clock, digestAccess: deps.digestAccess(input.where) },
    );
    return dispatchPlatform(deps.commands, { name, text: input.text }, ctx);
  });
  await respond(toRespondArguments(reply, deps.codec));
  if (reply.picture && reply.visibility === 'public' && !reply.isError && deps.uploadPicture) {
    const problem = await deps.uploadPicture(input.where, reply.picture);
    if (problem) await respond(toRespondArguments(textReply(problem, { isError: true }), deps.codec));
  }
}
