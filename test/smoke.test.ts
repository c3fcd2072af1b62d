import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** The environment of a fresh machine: no chat tokens, its own database and cache. */
function cleanEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'readout-smoke-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'readout.db')}`,
    READOUT_CACHE_DIR: join(dir, 'cache'),
  };
  for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
  return env;
}

function waitFor(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  return new Promise((resolveOutput, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        child.stdout.off('data', onData);
        resolveOutput(seen);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}; output:\n${seen}`)));
  });
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolveCode) => {
    if (child.exitCode !== null) resolveCode(child.exitCode);
    else child.once('exit', (code) => resolveCode(code));
  });
}

describe('the real process', () => {
  it('npm start opens the console on the bundled corpus and answers a typed command', async () => {
    const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: cleanEnv() });
    await waitFor(child, /Type \/help/);
    child.stdin.write('/lookup belt and road\n');
    const answer = await waitFor(child, /passages for “belt and road”[\s\S]*— \d{3}_/);
    expect(answer).toMatch(/Belt and Road/i);
    child.stdin.write('/quit\n');
    expect(await exitCode(child)).toBe(0);
  }, 60_000);

  it('shuts down cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['bin/readout.js', 'start'], { cwd: ROOT, env: cleanEnv() });
    await waitFor(child, /Type \/help/);
    child.kill('SIGTERM');
    expect(await exitCode(child)).toBe(0);
  }, 60_000);

  it('the CLI prints the documented corpus JSON', async () => {
    const child = spawn(process.execPath, ['bin/readout.js', 'corpus', '--json'], { cwd: ROOT, env: cleanEnv() });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    expect(await exitCode(child)).toBe(0);
    const json = JSON.parse(out) as { documents: { id: string; eventDate: string | null }[] };
    expect(json.documents.map((d) => [d.id.slice(0, 3), d.eventDate])).toEqual([
      ['000', '2025-04-24'],
      ['001', '2022-01-06'],
      ['002', '2023-05-17'],
      ['003', '2024-07-02'],
      ['004', '2025-06-16'],
    ]);
  }, 60_000);
});
