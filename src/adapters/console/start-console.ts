import { createInterface, type Interface } from 'node:readline';
import type { AnyCommand, CommandContext } from '../../commands/command.js';
import { dispatch } from '../../commands/dispatch.js';
import { dispatchPlatform, UMBRELLA } from '../../commands/platform-commands.js';
import type { Reply } from '../../core/reply.js';
import { renderText } from './render-text.js';

export interface ConsoleOptions {
  commands: readonly AnyCommand[];
  /** Builds the context for each line (the console channel, with the store's time zone for it). */
  context: () => Promise<CommandContext>;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Colour and an interactive prompt; only on a TTY. */
  color: boolean;
  terminal: boolean;
  history?: string[];
}

export interface ConsoleSession {
  /** Prints text between prompts (digest posts arrive this way). */
  print(text: string): void;
  /** Resolves when the user quits or input ends. */
  closed: Promise<void>;
  close(): void;
}

const QUIT = new Set(['/quit', '/exit', 'quit', 'exit', '/q']);

/** The interactive console: type `/lookup belt and road` exactly as in chat, with history and tab completion. */
export function startConsole(options: ConsoleOptions): ConsoleSession {
  const names = options.commands.map((c) => `/${c.name}`);
  const rl: Interface = createInterface({
    input: options.input,
    output: options.output,
    terminal: options.terminal,
    historySize: 500,
    ...(options.history ? { history: options.history } : {}),
    completer: (line: string): [string[], string] => {
      if (line.includes(' ')) return [[], line];
      const hits = [...names, '/quit'].filter((name) => name.startsWith(line.startsWith('/') ? line : `/${line}`));
      return [hits, line];
    },
    prompt: options.terminal ? 'readout> ' : '',
  });
  const write = (text: string) => options.output.write(`${text}\n`);
  let queue = Promise.resolve();
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let ended = false;

  write(
    options.color
      ? `\u001b[1mreadout\u001b[0m console. Type /help for the commands, /quit to leave.`
      : 'readout console. Type /help for the commands, /quit to leave.',
  );
  rl.prompt();

  rl.on('line', (line) => {
    const text = line.trim();
    if (!text) {
      rl.prompt();
      return;
    }
    if (QUIT.has(text.toLowerCase())) {
      rl.close();
      return;
    }
    // Lines run one after another, so a paste of several commands answers in order.
    queue = queue.then(async () => {
      const reply = await runLine(options, text);
      write(renderText(reply, { color: options.color }));
      if (!ended) rl.prompt();
    });
  });
  // Ctrl-C at the prompt leaves, as in any REPL (readline would otherwise only pause).
  rl.on('SIGINT', () => rl.close());
  rl.on('close', () => {
    ended = true;
    void queue.then(() => resolveClosed());
  });

  return {
    print(text: string) {
      write(text);
      if (!ended) rl.prompt(true);
    },
    closed,
    close: () => rl.close(),
  };
}

async function runLine(options: ConsoleOptions, text: string): Promise<Reply> {
  const body = text.startsWith('/') ? text.slice(1) : text;
  const space = body.search(/\s/);
  const name = space === -1 ? body : body.slice(0, space);
  const args = space === -1 ? '' : body.slice(space + 1);
  const command = name.toLowerCase();
  // `/readout doc 002` works here as in Slack and Discord; `/doc 002` works too.
  if (command === UMBRELLA) return dispatchPlatform(options.commands, { name: UMBRELLA, text: args }, await options.context());
  return dispatch(options.commands, { command, text: args }, await options.context());
}
