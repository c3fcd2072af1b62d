import type { BaseInteraction } from 'discord.js';
import type { CommandContext } from '../../commands/command.js';
import { createContext } from '../../commands/create-context.js';
import type { InteractionDeps } from './interaction-deps.js';

/** The neutral context of an interaction: the guild is the workspace; direct messages share the workspace `dm`. */
export function interactionContext(interaction: BaseInteraction, deps: InteractionDeps): Promise<CommandContext> {
  return createContext(
    { platform: 'discord', workspace: interaction.guildId ?? 'dm', channel: interaction.channelId ?? 'unknown', user: interaction.user.id },
    deps.services,
    { clock: deps.clock, ...(deps.random ? { random: deps.random } : {}) },
  );
}
