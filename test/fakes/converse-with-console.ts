import { PassThrough } from 'node:stream';
import { startConsole } from '../../src/adapters/console/start-console.js';
import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { commands } from '../../src/commands/registry.js';

/** Drives the console through its input stream, as a pipe would, and collects everything it prints. */
export async function converseWithConsole(services: Services, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk) => chunks.push(String(chunk)));
  const session = startConsole({
    commands,
    context: () => createContext({ platform: 'console', workspace: 'local', channel: 'console', user: 'tester' }, services),
    input,
    output,
    color: false,
    terminal: false,
  });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await session.closed;
  return chunks.join('');
}
