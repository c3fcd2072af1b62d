import { randomBytes } from 'node:crypto';
import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { type Reply, textReply } from '../../core/reply.js';
import { buildMessage, type DiscordMessage } from './build-message.js';
import { discordMessages } from './discord-messages.js';
import type { InteractionDeps } from './interaction-deps.js';
import { pictureFiles } from './picture-files.js';

/** Every message the bot sends may ping nobody, whatever the text says. */
export const NO_MENTIONS = { parse: [] } as const;

export type RepliableInteraction = ChatInputCommandInteraction | ButtonInteraction;

/**
 * Answers an interaction with a command's reply. Discord wants an answer within 3 seconds, and the first
 * answer should not wait for other people's commands: the work is queued to run one command per loop
 * turn. When nothing else is queued, a reply ready within `deferAfterMs` goes out in one response with its
 * own visibility. When other commands are queued (a burst), or the work is slow, the interaction is
 * deferred first, with the visibility guessed for it, and the answer edited in; when the guess was wrong,
 * the answer moves to a follow-up, since a deferred response's visibility cannot change.
 * `update` edits the message that carries the clicked button instead of answering with a new one.
 */
export async function deliverReply(
  interaction: RepliableInteraction,
  job: () => Promise<Reply> | Reply,
  options: { mode: 'reply' | 'update'; guess: Reply['visibility'] },
  deps: InteractionDeps,
): Promise<void> {
  const guarded = async (): Promise<Reply> => {
    try {
      return await job();
    } catch (error) {
      const refId = randomBytes(4).toString('hex');
      deps.logger.error({ refId, err: error }, 'discord command failed');
      return textReply(discordMessages.internalError(refId), { isError: true });
    }
  };
  const update = options.mode === 'update' && interaction.isButton();
  if (deps.queue.pending() > 0 || deps.deferAfterMs <= 0) {
    // Acknowledge before any work: others' commands are waiting to run, and this one would wait behind them.
    // While the deferral is on its way, the queue starts no command, so it goes out at once.
    if (update) await deps.queue.hold(interaction.deferUpdate());
    else await deps.queue.hold(interaction.deferReply(flagsFor(options.guess)));
    await sendDeferred(interaction, await deps.queue.run(guarded), options, deps);
    return;
  }
  const work = deps.queue.run(guarded);
  const quick = await within(work, deps.deferAfterMs);
  if (quick) {
    const message = { ...buildMessage(quick, deps.tables), ...pictureFiles(quick, deps.logger) };
    if (update) await (interaction as ButtonInteraction).update({ ...message, allowedMentions: NO_MENTIONS });
    else await interaction.reply({ ...message, allowedMentions: NO_MENTIONS, ...flagsFor(quick.visibility) });
    return;
  }
  if (update) await interaction.deferUpdate();
  else await interaction.deferReply(flagsFor(options.guess));
  await sendDeferred(interaction, await work, options, deps);
}

/** Edits a deferred answer in, moving it to a follow-up when the deferral guessed the wrong visibility. */
async function sendDeferred(
  interaction: RepliableInteraction,
  reply: Reply,
  options: { mode: 'reply' | 'update'; guess: Reply['visibility'] },
  deps: InteractionDeps,
): Promise<void> {
  const message = { ...buildMessage(reply, deps.tables), ...pictureFiles(reply, deps.logger) };
  if ((options.mode === 'update' && interaction.isButton()) || reply.visibility === options.guess) {
    await interaction.editReply({ ...message, allowedMentions: NO_MENTIONS });
  } else if (reply.visibility === 'public') {
    await interaction.editReply({ ...noteMessage(discordMessages.postedToChannel), allowedMentions: NO_MENTIONS });
    await interaction.followUp({ ...message, allowedMentions: NO_MENTIONS });
  } else {
    await interaction.deleteReply();
    await interaction.followUp({ ...message, allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
  }
}

function flagsFor(visibility: Reply['visibility']): { flags?: MessageFlags.Ephemeral } {
  return visibility === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {};
}

function noteMessage(text: string): DiscordMessage {
  return { embeds: [{ description: text }], components: [] };
}

/** The work's result if it settles within `ms`, else undefined; 0 means "do not wait". */
async function within(work: Promise<Reply>, ms: number): Promise<Reply | undefined> {
  if (ms <= 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
