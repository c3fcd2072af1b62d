import { localUserName } from '../adapters/console/local-user-name.js';
import { renderText } from '../adapters/console/render-text.js';
import { operatorSlackDigestAccess } from '../adapters/slack/slack-digest-access.js';
import type { AnyCommand } from '../commands/command.js';
import { createContext, operatorDigestAccess } from '../commands/create-context.js';
import { dispatch } from '../commands/dispatch.js';
import { usageOf } from '../commands/usage.js';
import { validateOptions } from '../commands/validate-options.js';
import { isInteractive } from '../config.js';
import { UserError } from '../core/user-error.js';
import { parseCliArgs } from './cli-args.js';
import { openCliRuntime } from './cli-runtime.js';
import { printJson } from './print-json.js';

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
    process.stdout.write(`${usageOf(command).replace(/^\//, 'readout ')} [--json] [--seeds DIR]\n${command.description}\n`);
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
    process.stdout.write(`${renderText(reply, { color: isInteractive() })}\n`);
    return reply.isError ? 1 : 0;
  } finally {
    await runtime.services.store.close();
  }
}
