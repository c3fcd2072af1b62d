import { localUserName } from '../adapters/console/local-user-name.js';
import { renderText } from '../adapters/console/render-text.js';
import { wrapText } from '../adapters/console/wrap-text.js';
import { operatorSlackDigestAccess } from '../adapters/slack/slack-digest-access.js';
import type { AnyCommand } from '../commands/command.js';
import { createContext, operatorDigestAccess } from '../commands/create-context.js';
import { dispatch } from '../commands/dispatch.js';
import { commandHelp } from '../commands/help-command.js';
import { validateOptions } from '../commands/validate-options.js';
import { isInteractive } from '../config.js';
import { UserError } from '../core/user-error.js';
import { parseCliArgs } from './cli-args.js';
import { openCliRuntime } from './cli-runtime.js';
import { printJson } from './print-json.js';
import { storeCliMessages } from './store-cli-messages.js';

/** A command's help for the shell: the chat help with `readout lookup` for `/lookup`, plus the CLI's own flags. */
export function cliHelp(command: AnyCommand): string {
  const text = renderText(commandHelp(command), { color: isInteractive(), width: terminalWidth() });
  const shell = text.replace(/(^|\s)\/(?=[a-z]+\b)/gm, '$1readout ');
  // The digest has actions and options only the shell offers (run, export, import, log, which channel).
  const extra = command.name === 'digest' ? `\n${wrapText(storeCliMessages.digestShellHelp, terminalWidth(), 8)}` : '';
  return `${shell}\n${wrapText(CLI_FLAGS, terminalWidth(), 4)}${extra}`;
}

const CLI_FLAGS = [
  '--json: print the JSON shape instead of text (commands that have one).',
  '--seeds DIR: read the corpus from DIR (default ./seeds, or READOUT_SEEDS).',
].join('\n');

/** Columns to wrap to: the terminal's, 80 when stdout is not a terminal. */
export function terminalWidth(): number {
  return process.stdout.columns || 80;
}

/**
 * Chat syntax in our messages ("or /help lookup for filters") as the shell command that does the same
 * (`readout help lookup`), so every suggestion runs as shown. `/readout …` stays: it names the chat command.
 */
export function asShellCommands(text: string, commands: readonly AnyCommand[]): string {
  const names = commands.map((command) => command.name).filter((name) => name !== 'readout');
  return text.replace(new RegExp(`(^|[\\s(“"\`])/(${names.join('|')})\\b`, 'gm'), '$1readout $2');
}

export interface CliChannel {
  platform: 'slack' | 'discord' | 'console' | 'cli';
  workspace: string;
  channel: string;
}

/** Runs one declared command from shell arguments: text through the console renderer, or its `--json` shape. Returns the exit code. */
export async function runDeclaredCommand(
  commands: readonly AnyCommand[],
  command: AnyCommand,
  argv: string[],
  channel: CliChannel = { platform: 'cli', workspace: 'local', channel: 'cli' },
): Promise<number> {
  const args = parseCliArgs(command, argv);
  if (args.help) {
    process.stdout.write(`${cliHelp(command)}\n`);
    return 0;
  }
  const runtime = await openCliRuntime({ seeds: args.seeds, json: args.json });
  try {
    // An operator at the terminal may change any channel's digest, whichever platform it names.
    const digestAccess = channel.platform === 'slack' ? operatorSlackDigestAccess(channel.channel) : operatorDigestAccess;
    const ctx = await createContext({ ...channel, user: localUserName('cli') }, runtime.services, { digestAccess });
    if (args.json && command.json) {
      try {
        const value = await command.json(validateOptions(command, args.options), ctx);
        printJson(value);
        return command.foundNothing?.(value) ? 1 : 0;
      } catch (error) {
        if (error instanceof UserError) {
          printJson({ error: { code: error.code, message: error.message } });
          return 1;
        }
        throw error;
      }
    }
    const reply = await dispatch(commands, { command: command.name, options: args.options }, ctx);
    // Answers wrap on a terminal; piped, they stay one line per item for grep and friends (help wraps at 80 either way).
    // Suggested commands are printed as shell commands that run as shown (`readout lookup … --offset 5`).
    const text = renderText(reply, { color: isInteractive(), width: process.stdout.columns, actions: 'shell' });
    process.stdout.write(`${asShellCommands(text, commands)}\n`);
    return reply.isError ? 1 : 0;
  } finally {
    await runtime.services.store.close();
  }
}
