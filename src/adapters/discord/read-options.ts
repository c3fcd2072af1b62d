import type { CommandInteractionOptionResolver } from 'discord.js';
import type { AnyCommand } from '../../commands/command.js';
import { describeOptions } from '../../commands/describe-options.js';
import { discordOptionName } from './discord-option-name.js';

/** The typed options of an interaction under their declared names, ready for dispatch; absent options stay absent. */
export function readOptions(resolver: Pick<CommandInteractionOptionResolver, 'get'>, command: AnyCommand): Record<string, unknown> {
  const options: Record<string, unknown> = Object.create(null);
  for (const spec of describeOptions(command)) {
    const option = resolver.get(discordOptionName(spec.name));
    if (option?.value !== undefined && option.value !== null) options[spec.name] = option.value;
  }
  return options;
}
