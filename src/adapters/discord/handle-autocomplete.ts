import type { AutocompleteInteraction } from 'discord.js';
import { describeOptions } from '../../commands/describe-options.js';
import { discordOptionName } from './discord-option-name.js';
import { findDeclaration } from './find-declaration.js';
import type { InteractionDeps } from './interaction-deps.js';
import { suggestChoices } from './suggest-choices.js';

/**
 * Answers an autocomplete request straight from memory. It is never deferred (Discord offers no deferral
 * for autocomplete), and any failure answers with no choices rather than leaving the user's menu spinning.
 */
export async function handleAutocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  let choices: ReturnType<typeof suggestChoices> = [];
  try {
    const focused = interaction.options.getFocused(true);
    const command = findDeclaration(deps.commands, interaction.commandName, interaction.options.getSubcommand(false));
    const spec = command && describeOptions(command).find((s) => discordOptionName(s.name) === focused.name);
    if (spec?.autocomplete) choices = suggestChoices(spec.autocomplete, String(focused.value ?? ''), deps.services);
  } catch (error) {
    deps.logger.warn({ err: error, command: interaction.commandName }, 'discord autocomplete failed');
  }
  try {
    await interaction.respond(choices);
  } catch (error) {
    deps.logger.warn({ err: error, command: interaction.commandName }, 'discord autocomplete answer failed');
  }
}
