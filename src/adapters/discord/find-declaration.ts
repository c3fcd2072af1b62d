import type { AnyCommand } from '../../commands/command.js';
import { platformCommands } from '../../commands/platform-commands.js';

/** The declaration behind a slash command, or behind `/readout <subcommand>`. */
export function findDeclaration(commands: readonly AnyCommand[], name: string, subcommand: string | null): AnyCommand | undefined {
  const platform = platformCommands(commands).find((p) => p.name === name);
  if (!platform) return undefined;
  if (platform.command) return platform.command;
  return platform.subcommands?.find((c) => c.name === subcommand);
}
