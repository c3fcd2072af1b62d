import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Runs `bin/readout.js` once, as a user would, with its SQLite database and index cache in `dir` (a fresh one
 * unless given) and no Slack or Discord settings from the environment; `input`, if given, is its stdin.
 */
export function runReadout(args: string[], options: { dir?: string; input?: string } = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'readout-cli-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    READOUT_CACHE_DIR: join(dir, 'cache'),
  };
  for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
  const result = spawnSync(process.execPath, ['bin/readout.js', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    ...(options.input === undefined ? { stdio: ['ignore', 'pipe', 'pipe'] } : { input: options.input }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
