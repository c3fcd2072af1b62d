import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { dispatchPlatform } from '../../commands/platform-commands.js';
import { textReply } from '../../core/reply.js';
import { buildMessage } from './build-message.js';
import { deliverReply, NO_MENTIONS } from './deliver-reply.js';
import { discordMessages } from './discord-messages.js';
import { findDeclaration } from './find-declaration.js';
import { interactionContext } from './interaction-context.js';
import type { InteractionDeps } from './interaction-deps.js';
import { readOptions } from './read-options.js';

/** Runs a slash command and answers it: maps typed options to the declaration, dispatches, renders. */
export async function handleChatInput(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const subcommand = interaction.options.getSubcommand(false);
  const command = findDeclaration(deps.commands, interaction.commandName, subcommand);
  if (!command) {
    const reply = textReply(discordMessages.unknownCommand(interaction.commandName), { isError: true });
    await interaction.reply({ ...buildMessage(reply, deps.tables), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
    return;
  }
  const key = subcommand ? `${interaction.commandName} ${subcommand}` : interaction.commandName;
  const job = async () => {
    const ctx = await interactionContext(interaction, deps);
    const options = readOptions(interaction.options, command);
    const reply = await dispatchPlatform(
      deps.commands,
      { name: interaction.commandName, ...(subcommand ? { subcommand } : {}), options },
      ctx,
    );
    deps.visibilityGuesses.set(key, reply.visibility);
    return reply;
  };
  // Most answers (lookup, quote, help) are private first; a command that answered publicly before is guessed public.
  const guess = deps.visibilityGuesses.get(key) ?? 'ephemeral';
  await deliverReply(interaction, job, { mode: 'reply', guess }, deps);
}
