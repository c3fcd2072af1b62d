import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isCorpusFile, watchFolder } from '../../../src/core/live/index.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readout-watch-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const until = async (check: () => boolean, withinMs = 10_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > withinMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchFolder', () => {
  it.each([
    ['000_a.txt', true],
    ['notes.MD', true],
    ['000_a.meta.json', true],
    ['people.json', true],
    ['.000_a.txt.swp', false],
    ['other.json', false],
    ['image.png', false],
  ])('counts %s as a corpus file: %s', (name, expected) => {
    expect(isCorpusFile(name)).toBe(expected);
  });

  it('turns a burst of changes into one call, and ignores files that are not the corpus', async () => {
    const dir = folder();
    let calls = 0;
    // A debounce long enough that five writes on a busy machine still fall inside one quiet period.
    const watch = watchFolder(dir, { debounceMs: 400, onChange: () => calls++ });
    cleanups.push(() => watch.stop());
    writeFileSync(join(dir, '.editor.swp'), 'x');
    writeFileSync(join(dir, 'notes.png'), 'x');
    await pause(800);
    expect(calls).toBe(0);
    for (let at = 0; at < 5; at++) writeFileSync(join(dir, `00${at}.txt`), 'text');
    await until(() => calls > 0);
    await pause(900);
    expect(calls).toBe(1);
  });

  it('reports a folder it cannot watch instead of throwing', () => {
    const errors: Error[] = [];
    const watch = watchFolder(join(folder(), 'missing'), { debounceMs: 10, onChange: () => {}, onError: (error) => errors.push(error) });
    watch.stop();
    expect(errors).toHaveLength(1);
  });
});
