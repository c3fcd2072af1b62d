import type { Reply } from '../core/reply.js';
import { textReply } from '../core/reply.js';
import type { AnyCommand, CommandContext } from './command.js';
import { commandMessages } from './command-messages.js';
import { dispatch } from './dispatch.js';
import { nearestName } from './nearest-name.js';

/** The top-level slash commands a chat platform registers; `/readout` groups the rest as subcommands. */
export interface PlatformCommand {
  name: string;
  description: string;
  /** Set for a slash command that is one declaration (`/lookup`). */
  command?: AnyCommand;
  /** Set for `/readout`: help, doc, speakers. */
  subcommands?: AnyCommand[];
}

export const TOP_LEVEL = ['lookup', 'quote', 'onthisday', 'timeline', 'digest'] as const;
export const UMBRELLA = 'readout';

/** Maps the declarations onto the platform's slash commands: /lookup, /quote, /onthisday, /timeline, /digest and /readout <sub>. */
export function platformCommands(commands: readonly AnyCommand[]): PlatformCommand[] {
  const top = commands.filter((c) => (TOP_LEVEL as readonly string[]).includes(c.name));
  const rest = commands.filter((c) => !(TOP_LEVEL as readonly string[]).includes(c.name));
  return [
    ...top.map((command) => ({ name: command.name, description: command.description, command })),
    { name: UMBRELLA, description: 'Help, documents, speakers and the corpus: /readout help', subcommands: rest },
  ];
}

/**
 * Runs a platform slash command. For `/readout`, the subcommand is `subcommand` (Discord) or the first
 * word of `text` (Slack); none or an unknown one shows help.
 */
export function dispatchPlatform(
  commands: readonly AnyCommand[],
  input: { name: string; text?: string; subcommand?: string; options?: Record<string, unknown> },
  ctx: CommandContext,
): Promise<Reply> {
  if (input.name !== UMBRELLA) {
    return dispatch(
      commands,
      {
        command: input.name,
        ...(input.text !== undefined ? { text: input.text } : {}),
        ...(input.options ? { options: input.options } : {}),
      },
      ctx,
    );
  }
  const subs = platformCommands(commands).find((p) => p.name === UMBRELLA)?.subcommands ?? [];
  let sub = input.subcommand;
  let text = input.text;
  if (sub === undefined) {
    const trimmed = (text ?? '').trim();
    const space = trimmed.search(/\s/);
    sub = (space === -1 ? trimmed : trimmed.slice(0, space)).toLowerCase() || 'help';
    text = space === -1 ? '' : trimmed.slice(space + 1);
  }
  if (!subs.some((c) => c.name === sub)) {
    return Promise.resolve(
      textReply(
        commandMessages.unknownSubcommand(
          UMBRELLA,
          subs.map((c) => c.name),
          nearestName(
            sub,
            subs.map((c) => c.name),
          ),
        ),
        { isError: true },
      ),
    );
  }
  return dispatch(
    commands,
    { command: sub, ...(text !== undefined ? { text } : {}), ...(input.options ? { options: input.options } : {}) },
    ctx,
  );
}
