import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startConsole } from '../../../src/adapters/console/start-console.js';
import { visibleLength } from '../../../src/adapters/console/wrap-text.js';
import { type AnyCommand, defineCommand, type Services } from '../../../src/commands/command.js';
import { createContext } from '../../../src/commands/create-context.js';
import { commands } from '../../../src/commands/registry.js';
import { seedServices } from '../../fakes/seed-services.js';

let services: Services;
beforeAll(async () => {
  services = await seedServices();
});
afterAll(async () => {
  await services.store.close();
});

/** A command that answers only when told to: a long command, for Ctrl-C. */
function slowCommand(): { command: AnyCommand; finish: () => void } {
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const command = defineCommand({
    name: 'slow',
    description: 'Takes its time',
    options: z.object({}),
    positional: [],
    examples: ['slow'],
    async run() {
      await done;
      return { visibility: 'ephemeral', blocks: [{ kind: 'text', text: [{ text: 'SLOW ANSWER' }] }], buttons: [], fallback: 'slow' };
    },
  });
  return { command, finish };
}

/** The console on a terminal-mode readline, typed into key by key as a person would. */
function terminal(list: readonly AnyCommand[] = commands, width?: number, height?: number) {
  const input = new PassThrough();
  const output = new PassThrough();
  let seen = '';
  output.on('data', (chunk) => {
    seen += String(chunk);
  });
  const session = startConsole({
    commands: list,
    context: () => createContext({ platform: 'console', workspace: 'local', channel: 'console', user: 'tester' }, services),
    input,
    output,
    color: false,
    terminal: true,
    ...(width ? { width: () => width } : {}),
    ...(height ? { height: () => height } : {}),
  });
  let closed = false;
  void session.closed.then(() => {
    closed = true;
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
  return {
    async type(keys: string) {
      input.write(keys);
      await settle();
    },
    async waitFor(pattern: RegExp) {
      for (let i = 0; i < 200 && !pattern.test(seen); i++) await settle();
      expect(seen).toMatch(pattern);
    },
    /** Until the command prompt is the last thing on the screen (readline's cursor moves aside). */
    async waitForPrompt() {
      const atEnd = () => /readout> $/.test(seen.replace(CURSOR_MOVES, ''));
      for (let i = 0; i < 200 && !atEnd(); i++) await settle();
      expect(atEnd(), seen.slice(-200)).toBe(true);
    },
    output: () => seen,
    isClosed: async () => {
      await settle();
      return closed;
    },
    session,
  };
}

const CTRL_C = '\u0003';
// Readline's cursor moves (ESC [ n G) after the prompt, taken off before comparing.
const CURSOR_MOVES = new RegExp(`${String.fromCharCode(27)}\\[\\d*[GJK]`, 'g');

const CTRL_D = '\u0004';

describe('the console at a terminal', () => {
  it('drops a half-typed line on Ctrl-C and keeps going', async () => {
    const t = terminal();
    await t.type('/lookup belt and');
    await t.type(CTRL_C);
    expect(await t.isClosed()).toBe(false);
    await t.type('/help\r');
    await t.waitFor(/readout commands/);
    expect(t.output()).not.toMatch(/passages for/);
    t.session.close();
  });

  it('quits on a second Ctrl-C on an empty line, after saying how', async () => {
    const t = terminal();
    await t.type(CTRL_C);
    expect(t.output()).toContain('To quit, press Ctrl-C again');
    expect(await t.isClosed()).toBe(false);
    await t.type(CTRL_C);
    expect(await t.isClosed()).toBe(true);
  });

  it('quits on Ctrl-D on an empty line', async () => {
    const t = terminal();
    await t.type(CTRL_D);
    expect(await t.isClosed()).toBe(true);
  });

  it('cancels a long command on Ctrl-C, not the console, and never shows its late answer', async () => {
    const slow = slowCommand();
    const t = terminal([slow.command, ...commands]);
    await t.type('/slow\r');
    await t.type(CTRL_C);
    await t.waitFor(/Cancelled\./);
    expect(await t.isClosed()).toBe(false);
    slow.finish();
    await t.type('/help\r');
    await t.waitFor(/readout commands/);
    expect(t.output()).not.toContain('SLOW ANSWER');
    t.session.close();
  });

  it('wraps answers to the terminal width at word boundaries, citations hanging under their dash', async () => {
    const t = terminal(commands, 50);
    await t.type('/lookup belt and road\r');
    await t.waitFor(/passages for/);
    await t.waitFor(/— \d{3}_/);
    const lines = t
      .output()
      .split(/\r?\n/)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: readline's own cursor codes are not text
      .map((line) => line.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').replace(/^readout> /, ''));
    const answer = lines.slice(lines.findIndex((line) => line.includes('passages for')));
    expect(answer.length).toBeGreaterThan(5);
    for (const line of answer) expect(visibleLength(line)).toBeLessThanOrEqual(50);
    const citation = answer.findIndex((line) => /^ {4}— \d{3}_/.test(line));
    expect(citation).toBeGreaterThan(0);
    t.session.close();
  });

  it('pages a long list (/quote --all) a screenful at a time: Enter for more, q to stop', async () => {
    const t = terminal(commands, 80, 12);
    await t.type('/quote --all\r');
    await t.waitFor(/-- more: Enter for the next page, q to stop --/);
    const firstPage = t.output();
    const quotes = services.quotes.all().length;
    expect(firstPage).toContain(`${quotes} quotes`);
    const prompts = () => t.output().split('-- more:').length;
    const before = prompts();
    await t.type('\r');
    await t.waitFor(/-- more:/);
    expect(prompts()).toBeGreaterThan(before);
    // `q` alone stops, without Enter.
    await t.type('q');
    await t.waitForPrompt();
    await t.type('/help\r');
    await t.waitFor(/readout commands/);
    // The last of the quotes was never printed: paging stopped at q.
    const last = services.quotes.all().at(-1)!;
    expect(t.output()).not.toContain(last.shown.slice(0, 60));
    t.session.close();
  });

  it('hands a line starting with / typed at "-- more --" back to the prompt as a command', async () => {
    const t = terminal(commands, 80, 12);
    await t.type('/quote --all\r');
    await t.waitFor(/-- more:/);
    const pages = t.output().split('-- more:').length;
    await t.type('/speakers\r');
    await t.waitFor(/Kassym-Jomart Tokayev/);
    await t.waitForPrompt();
    // The command ran instead of showing the next page, and the rest of the list was dropped.
    expect(t.output().split('-- more:').length).toBe(pages);
    expect(t.output()).not.toContain(services.quotes.all().at(-1)!.shown.slice(0, 60));
    t.session.close();
  });

  it('prints digest posts and log lines above the prompt, and redraws what the user was typing below them', async () => {
    const t = terminal();
    await t.type('/looku');
    t.session.print('DIGEST POST');
    await t.waitFor(/DIGEST POST\n/);
    const after = t.output().slice(t.output().lastIndexOf('DIGEST POST'));
    // The line with the prompt was erased first, so the post never sits after "readout> /looku" on one line.
    expect(t.output()).toContain('\r\u001b[2KDIGEST POST');
    expect(after.replace(CURSOR_MOVES, '')).toMatch(/readout> \/looku$/);
    await t.type('p railway\r');
    await t.waitFor(/passages for “railway”/);
    t.session.close();
  });

  it('numbers the suggested actions, and typing the number runs it', async () => {
    const t = terminal();
    await t.type('/lookup belt and road --limit 2\r');
    await t.waitFor(/\[1\] More results/);
    expect(t.output()).not.toContain('Share in channel');
    await t.type('1\r');
    await t.waitFor(/3–4 of \d+ passages for “belt and road”/);
    t.session.close();
  });
});
