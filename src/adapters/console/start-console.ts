import { createInterface, type Interface } from 'node:readline';
import type { AnyCommand, CommandContext } from '../../commands/command.js';
import { dispatch } from '../../commands/dispatch.js';
import { dispatchPlatform, UMBRELLA } from '../../commands/platform-commands.js';
import type { Reply } from '../../core/reply.js';
import { consoleMessages } from './console-messages.js';
import { createPager } from './create-pager.js';
import { renderText, terminalActions } from './render-text.js';

export interface ConsoleOptions {
  commands: readonly AnyCommand[];
  /** Builds the context for each line (the console channel, with the store's time zone for it). */
  context: () => Promise<CommandContext>;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Colour and an interactive prompt; only on a TTY. */
  color: boolean;
  terminal: boolean;
  /** Terminal columns at each answer (they change on resize); 80 when unknown. */
  width?: () => number | undefined;
  /** Terminal rows: answers taller than this are paged (Enter for more, q to stop); no paging when absent. */
  height?: () => number | undefined;
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
  const prompt = options.terminal ? 'readout> ' : '';
  const pager = createPager({ write, rows: () => (options.terminal ? options.height?.() : undefined) });
  /** Back to the command prompt, or the pager's while a page waits. */
  const promptNext = () => {
    rl.setPrompt(pager.waiting ? consoleMessages.more : prompt);
    rl.prompt();
  };
  let queue = Promise.resolve();
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let ended = false;

  const welcome = consoleMessages.welcome;
  write(options.color ? welcome.replace(/^readout/, '\u001b[1mreadout\u001b[0m') : welcome);
  rl.prompt();

  /** The numbered actions of the last answer: typing `1` runs the first. */
  let actions: Reply['buttons'] = [];
  /** The command being answered, which Ctrl-C cancels (the console stays). */
  let running: { cancel(): void } | undefined;
  /** Set by a Ctrl-C; a second one on an empty line quits, as in a shell or the Node REPL. */
  let interrupted = false;

  rl.on('line', (line) => {
    interrupted = false;
    if (pager.waiting) {
      // A command typed at "-- more --" is a command, not "next page": the rest of the answer is dropped.
      if (!line.trim().startsWith('/')) {
        pager.answer(line);
        promptNext();
        return;
      }
      pager.stop();
    }
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
      let cancel: () => void = () => {};
      const cancelled = new Promise<'cancelled'>((resolve) => {
        cancel = () => resolve('cancelled');
      });
      running = { cancel };
      // A number runs that action of the answer before it (known only once that answer is shown, hence in the queue).
      const numbered = /^\d{1,2}$/.test(text) ? actions[Number(text) - 1] : undefined;
      const command = numbered ? `/${numbered.action.command} ${numbered.action.args}`.trim() : text;
      const outcome = await Promise.race([runLine(options, command), cancelled]);
      running = undefined;
      if (outcome === 'cancelled') write(consoleMessages.cancelled);
      else {
        actions = terminalActions(outcome);
        pager.show(renderText(outcome, { color: options.color, width: widthOf(options), actions: 'numbered' }));
      }
      if (!ended) promptNext();
    });
  });
  // At "-- more --", `q` stops at once, without Enter (as `more` and `less` do).
  if (options.terminal) {
    options.input.on('keypress', (_text: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
      if (!pager.waiting || key?.ctrl || rl.line.trim().toLowerCase() !== 'q') return;
      clearLine(rl);
      pager.stop();
      options.output.write('\n');
      promptNext();
    });
  }
  rl.on('SIGINT', () => {
    if (running) {
      running.cancel();
      return;
    }
    if (pager.waiting) {
      pager.stop();
      options.output.write('\n');
      promptNext();
      return;
    }
    if (rl.line.length > 0) {
      // A half-typed line is dropped, like a shell does, and the next Ctrl-C may quit.
      clearLine(rl);
      options.output.write('^C\n');
      interrupted = true;
      rl.prompt();
      return;
    }
    if (interrupted) {
      rl.close();
      return;
    }
    interrupted = true;
    options.output.write('\n');
    write(consoleMessages.quitHint);
    rl.prompt();
  });
  rl.on('close', () => {
    ended = true;
    void queue.then(() => resolveClosed());
  });

  return {
    print(text: string) {
      // Whatever the user is typing is redrawn below the printed text, never written over.
      if (options.terminal && !ended) {
        clearScreenLine(options.output);
        options.output.write(text.endsWith('\n') ? text : `${text}\n`);
        rl.prompt(true);
        return;
      }
      write(text.replace(/\n$/, ''));
    },
    closed,
    close: () => rl.close(),
  };
}

/** Columns to wrap answers to: the terminal's, 80 when it does not say; no wrapping when the caller gave no width. */
function widthOf(options: ConsoleOptions): number | undefined {
  if (!options.width) return undefined;
  return options.width() || 80;
}

/** Empties readline's current line (Ctrl-E then Ctrl-U: to the end, then delete to the start). */
function clearLine(rl: Interface): void {
  rl.write(null, { ctrl: true, name: 'e' });
  rl.write(null, { ctrl: true, name: 'u' });
}

/** Moves to the start of the terminal's current line and erases it (the prompt and what is typed). */
function clearScreenLine(output: NodeJS.WritableStream): void {
  output.write('\r\u001b[2K');
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
