import type { Interaction } from 'discord.js';
import { handleAutocomplete } from './handle-autocomplete.js';
import { handleButton } from './handle-button.js';
import { handleChatInput } from './handle-chat-input.js';
import type { InteractionDeps } from './interaction-deps.js';

/** Sends an interaction to its handler, whether it came over the gateway or the HTTP endpoint; others are ignored. */
export function routeInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  if (interaction.isChatInputCommand()) return handleChatInput(interaction, deps);
  if (interaction.isAutocomplete()) return handleAutocomplete(interaction, deps);
  if (interaction.isButton()) return handleButton(interaction, deps);
  return Promise.resolve();
}
