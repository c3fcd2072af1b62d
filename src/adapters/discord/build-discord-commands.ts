import {
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SharedSlashCommandOptions,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { AnyCommand } from '../../commands/command.js';
import { describeOptions, type OptionSpec } from '../../commands/describe-options.js';
import { platformCommands } from '../../commands/platform-commands.js';
import { discordLimits as limits } from './discord-limits.js';
import { discordOptionName } from './discord-option-name.js';
import { truncateText } from './truncate-text.js';

/**
 * Discord's slash-command JSON, generated from the declarations with discord.js's builders, so Discord's
 * naming and length rules are checked here (toJSON throws) rather than at registration time.
 */
export function buildDiscordCommands(commands: readonly AnyCommand[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return platformCommands(commands).map((platform) => {
    const builder = new SlashCommandBuilder().setName(platform.name).setDescription(describe(platform.description, platform.name));
    if (platform.command) addOptions(builder, platform.command);
    // Shown by default only to members who may manage channels; servers can widen it, so run() checks again.
    if (platform.command?.restrictedTo === 'channel_managers') builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels);
    for (const sub of platform.subcommands ?? []) {
      const subcommand = new SlashCommandSubcommandBuilder().setName(sub.name).setDescription(describe(sub.description, sub.name));
      addOptions(subcommand, sub);
      builder.addSubcommand(subcommand);
    }
    return builder.toJSON();
  });
}

function describe(description: string, fallback: string): string {
  return truncateText(description.trim() || fallback, limits.commandDescription);
}

// biome-ignore lint/suspicious/noExplicitAny: both the command and the subcommand builder take options
function addOptions(builder: SharedSlashCommandOptions<any>, command: AnyCommand): void {
  // Discord requires required options before optional ones; the declared order is kept otherwise.
  const specs = describeOptions(command).sort((a, b) => Number(b.required) - Number(a.required));
  for (const spec of specs) addOption(builder, spec);
}

// biome-ignore lint/suspicious/noExplicitAny: see addOptions
function addOption(builder: SharedSlashCommandOptions<any>, spec: OptionSpec): void {
  const name = discordOptionName(spec.name);
  const description = describe(spec.description, spec.name);
  // More than 25 choices cannot be offered; the user then types the value and validation explains.
  const choices = spec.choices && spec.choices.length <= limits.choicesPerOption ? spec.choices : undefined;
  switch (spec.type) {
    case 'boolean':
      builder.addBooleanOption((o) => o.setName(name).setDescription(description).setRequired(spec.required));
      return;
    case 'integer':
      builder.addIntegerOption((o) => withRange(o.setName(name).setDescription(description).setRequired(spec.required), spec));
      return;
    case 'number':
      builder.addNumberOption((o) => withRange(o.setName(name).setDescription(description).setRequired(spec.required), spec));
      return;
    case 'string':
      builder.addStringOption((o) => {
        o.setName(name).setDescription(description).setRequired(spec.required);
        if (choices) o.addChoices(...choices.map((choice) => ({ name: truncateText(choice, limits.choiceName), value: choice })));
        else if (spec.autocomplete) o.setAutocomplete(true);
        if (spec.min !== undefined) o.setMinLength(Math.max(0, spec.min));
        if (spec.max !== undefined) o.setMaxLength(Math.min(6000, spec.max));
        return o;
      });
      return;
  }
}

function withRange<T extends { setMinValue(value: number): T; setMaxValue(value: number): T }>(option: T, spec: OptionSpec): T {
  if (spec.min !== undefined) option.setMinValue(spec.min);
  if (spec.max !== undefined) option.setMaxValue(spec.max);
  return option;
}
