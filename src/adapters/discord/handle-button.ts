import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { dispatch } from '../../commands/dispatch.js';
import { type Reply, textReply } from '../../core/reply.js';
import { buildMessage, buildPage } from './build-message.js';
import { decodeButtonTarget } from './button-target.js';
import { deliverReply, NO_MENTIONS } from './deliver-reply.js';
import { discordMessages } from './discord-messages.js';
import { interactionContext } from './interaction-context.js';
import type { InteractionDeps } from './interaction-deps.js';

/**
 * Answers a button click. "More results" and "Shuffle" replace a private message in place (and answer
 * privately under a public one, which others are reading); "Post to channel" re-runs the action and
 * answers publicly; "Open" answers privately with a new message.
 */
export async function handleButton(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const decoded = await decodeButtonTarget(interaction.customId, deps.tables.actions);
  if (!decoded.ok) {
    await replyPrivately(interaction, decoded.reason === 'expired' ? discordMessages.buttonExpired : discordMessages.buttonUnknown, deps);
    return;
  }
  const sourceIsPrivate = interaction.message.flags.has(MessageFlags.Ephemeral);
  const target = decoded.target;
  if (target.kind === 'page') {
    const paged = await deps.tables.pages.load(target.pagesKey);
    if (!paged) {
      await replyPrivately(interaction, discordMessages.pageExpired, deps);
      return;
    }
    const message = { ...buildPage(paged, target.pagesKey, target.page, deps.tables), allowedMentions: NO_MENTIONS };
    if (sourceIsPrivate) await interaction.update(message);
    else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    return;
  }
  const { button, action } = target;
  const run = async () =>
    dispatch(deps.commands, { command: action.command, text: action.args }, await interactionContext(interaction, deps));
  if (button === 'post' || button === 'share') {
    await deliverReply(interaction, async () => asPosted(await run()), { mode: 'reply', guess: 'public' }, deps);
    return;
  }
  const inPlace = (button === 'more' || button === 'shuffle') && sourceIsPrivate;
  await deliverReply(
    interaction,
    async () => (inPlace ? run() : asPrivate(await run())),
    { mode: inPlace ? 'update' : 'reply', guess: 'ephemeral' },
    deps,
  );
}

/** A reply posted for the whole channel: public, without the buttons that only make sense to the asker. */
function asPosted(reply: Reply): Reply {
  if (reply.isError) return reply;
  return { ...reply, visibility: 'public', buttons: reply.buttons.filter((b) => b.id === 'open') };
}

function asPrivate(reply: Reply): Reply {
  return { ...reply, visibility: 'ephemeral' };
}

async function replyPrivately(interaction: ButtonInteraction, text: string, deps: InteractionDeps): Promise<void> {
  await interaction.reply({ ...buildMessage(textReply(text), deps.tables), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
}
