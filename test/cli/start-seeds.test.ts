import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStartArgs } from '../../src/cli/start-args.js';
import { NEW_DOCUMENT } from '../core/live/seeds-copy.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('readout start --seeds DIR', () => {
  it.each([
    [[], undefined],
    [['--seeds', '/tmp/x'], '/tmp/x'],
    [['--seeds=/tmp/y'], '/tmp/y'],
  ])('reads %j', (argv, seeds) => {
    expect(parseStartArgs(argv)).toEqual({ seeds });
  });

  it.each([[['--seed', 'x']], [['--seeds']], [['extra']]])('refuses %j with a message naming --seeds', (argv) => {
    expect(() => parseStartArgs(argv)).toThrow(/readout start accepts --seeds DIR/);
  });

  it('serves the given folder, not ./seeds', async () => {
    const root = mkdtempSync(join(tmpdir(), 'readout-start-seeds-'));
    const seeds = join(root, 'elsewhere');
    mkdirSync(seeds);
    writeFileSync(join(seeds, '900_new.txt'), NEW_DOCUMENT);
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: 'sqlite::memory:', READOUT_CACHE_DIR: join(root, 'cache') };
    for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
    const child = spawn(process.execPath, ['bin/readout.js', 'start', '--seeds', seeds], { cwd: ROOT, env });
    let out = '';
    const seen = (pattern: RegExp) =>
      new Promise<void>((resolveSeen, reject) => {
        const onData = (chunk: Buffer) => {
          out += chunk.toString();
          if (pattern.test(out)) {
            child.stdout.off('data', onData);
            resolveSeen();
          }
        };
        child.stdout.on('data', onData);
        child.once('exit', (code) => reject(new Error(`exited with ${code}; output:\n${out}`)));
      });
    await seen(/Type \/help/);
    child.stdin.write('/readout corpus\n');
    await seen(/Corpus: 1 document\b/);
    child.stdin.write('/lookup zanzibarquay\n');
    await seen(/900_new/);
    child.stdin.write('/quit\n');
    const code = await new Promise<number | null>((resolveCode) => child.once('exit', resolveCode));
    expect(code).toBe(0);
  }, 60_000);
});
