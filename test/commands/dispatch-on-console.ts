import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { dispatch } from '../../src/commands/dispatch.js';
import { commands } from '../../src/commands/registry.js';
import type { Reply } from '../../src/core/reply.js';

/** Runs one of the real commands as typed in the console (`command` without its slash, `text` its options), and gives its reply. */
export async function dispatchOnConsole(services: Services, command: string, text: string): Promise<Reply> {
  return dispatch(
    commands,
    { command, text },
    await createContext({ platform: 'console', workspace: 'local', channel: 'c', user: 'u' }, services),
  );
}
