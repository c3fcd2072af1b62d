import { describe, expect, it } from 'vitest';
import { createProgressBar } from '../../../src/adapters/console/progress-bar.js';

/** A terminal that keeps what is on its one status line, as `\r` and erase-line leave it. */
function fakeTerminal() {
  let line = '';
  const frames: string[] = [];
  const out = {
    write(chunk: string) {
      for (const part of chunk.split('\r')) {
        if (part === '') {
          line = '';
          continue;
        }
        line = part.replace('\u001b[K', '');
      }
      frames.push(line);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { out, frames, line: () => line };
}

describe('the progress bar', () => {
  it('labels each stage and clears a finished one instead of leaving it at 100%', async () => {
    const terminal = fakeTerminal();
    const bar = createProgressBar(terminal.out);
    bar.update('read', 100, 1000);
    expect(terminal.line()).toMatch(/^Reading documents +\[#{3} +\] 100\/1000$/);
    bar.update('read', 1000, 1000);
    expect(terminal.line()).toBe('');
    bar.update('save', 0, 1000);
    expect(terminal.line()).toMatch(/^Saving the cache +\[ +\] 0\/1000$/);
    bar.update('save', 1000, 1000);
    expect(terminal.line()).toBe('');
    bar.update('index', 10, 5000);
    expect(terminal.line()).toMatch(/^Indexing passages \[/);
    bar.update('index', 5000, 5000);
    bar.update('quotes', 1, 2000);
    expect(terminal.line()).toMatch(/^Finding quotes/);
    bar.done();
    expect(terminal.line()).toBe('');
    expect(terminal.frames.some((frame) => /\b(\d+)\/\1$/.test(frame))).toBe(false);
  });

  it('shows nothing for small folders', () => {
    const terminal = fakeTerminal();
    const bar = createProgressBar(terminal.out);
    bar.update('read', 5, 10);
    bar.done();
    expect(terminal.frames).toEqual([]);
  });
});
