import { type BaseInteraction, PermissionFlagsBits } from 'discord.js';
import type { CommandContext, DigestAccess } from '../../commands/command.js';
import { createContext } from '../../commands/create-context.js';
import { discordMessages } from './discord-messages.js';
import type { InteractionDeps } from './interaction-deps.js';

/** The neutral context of an interaction: the guild is the workspace; direct messages share the workspace `dm`. */
export function interactionContext(interaction: BaseInteraction, deps: InteractionDeps): Promise<CommandContext> {
  return createContext(
    { platform: 'discord', workspace: interaction.guildId ?? 'dm', channel: interaction.channelId ?? 'unknown', user: interaction.user.id },
    deps.services,
    { clock: deps.clock, ...(deps.random ? { random: deps.random } : {}), digestAccess: digestAccessOf(interaction) },
  );
}

/**
 * Who may change a channel's digest on Discord: members with Manage Channels there, as Discord computed it for
 * this interaction (the command is also registered with that default permission, which servers may override).
 * Direct messages carry no digest: no one there can manage a channel, and the bot's reach into them is not ours to rely on.
 */
function digestAccessOf(interaction: BaseInteraction): DigestAccess {
  if (!interaction.inGuild()) {
    return {
      channelRefusal: discordMessages.digestNotInDirectMessages,
      checkManager: async () => discordMessages.digestNotInDirectMessages,
    };
  }
  const allowed = interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
  return { checkManager: async () => (allowed ? undefined : discordMessages.digestManagersOnly) };
}
