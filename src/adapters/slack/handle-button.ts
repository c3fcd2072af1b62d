import type { RespondFn } from '@slack/bolt';
import { createContext } from '../../commands/create-context.js';
import { dispatch } from '../../commands/dispatch.js';
import { type Button, textReply } from '../../core/reply.js';
import { runSafely } from './run-safely.js';
import type { SlackDeps, SlackWhere } from './slack-deps.js';
import { slackMessages } from './slack-messages.js';
import { toRespondArguments } from './to-respond-arguments.js';

/** A click on one of our buttons, as the adapter reads it from a block_actions payload. */
export interface ButtonClick {
  /** The neutral button id (`more`, `shuffle`, `post`, `open`, `share`), from the action_id. */
  buttonId: Button['id'] | string;
  value: string;
  /** Whether the message holding the button is the asker's ephemeral one. */
  fromEphemeral: boolean;
  where: SlackWhere;
}

/** Buttons that move through the asker's own private message (next page, another quote) replace it. */
const REPLACING = new Set(['more', 'shuffle']);
/** Buttons that make a private message public ("Post to channel", "Share") remove the private copy. */
const PUBLISHING = new Set(['post', 'share']);

/**
 * Runs what a button asks for (already acknowledged): re-run its command as typed text, or show the rest
 * of a cut message. Posting publicly goes through response_url with `in_channel`, then deletes the
 * ephemeral original: the Giphy pattern, which needs no channel membership or chat:write.
 */
export async function handleButton(deps: SlackDeps, click: ButtonClick, respond: RespondFn): Promise<void> {
  const decoded = await deps.codec.decode(click.value);
  if (!decoded.ok) {
    const text = decoded.reason === 'expired' ? slackMessages.buttonExpired : slackMessages.buttonUnreadable;
    await respond(toRespondArguments(textReply(text, { isError: true }), deps.codec));
    return;
  }
  const intent = decoded.intent;
  const reply = await runSafely(deps.logger, async () => {
    if (intent.kind === 'page') return intent.rest;
    const ctx = await createContext(
      { platform: 'slack', workspace: click.where.team, channel: click.where.channel, user: click.where.user },
      deps.services,
      { clock: deps.clock, digestAccess: deps.digestAccess(click.where) },
    );
    return dispatch(deps.commands, { command: intent.action.command, text: intent.action.args }, ctx);
  });
  if (reply.isError) {
    await respond(toRespondArguments({ ...reply, visibility: 'ephemeral' }, deps.codec));
    return;
  }
  if (reply.visibility === 'public') {
    await respond(toRespondArguments(reply, deps.codec));
    if (click.fromEphemeral && PUBLISHING.has(click.buttonId)) await respond({ delete_original: true });
    return;
  }
  await respond(toRespondArguments(reply, deps.codec, { replaceOriginal: click.fromEphemeral && REPLACING.has(click.buttonId) }));
}
