import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { serve, startFixtureServer } from '../fakes/fixture-server.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/ingest');

let dir: string;
let server: Awaited<ReturnType<typeof startFixtureServer>>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'readout-ingest-cli-'));
  server = await startFixtureServer(
    new Map([
      ['/readout', serve('text/html', readFileSync(join(FIXTURES, 'article.html'), 'utf8'))],
      ['/mirror', serve('text/html', readFileSync(join(FIXTURES, 'syndicated.html'), 'utf8'))],
    ]),
  );
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the real CLI (asynchronously: the fixture server answers from this process). */
function readout(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const full: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const key of Object.keys(full)) if (/^(SLACK|DISCORD)_/.test(key)) delete full[key];
  return new Promise((done) => {
    const child = spawn(process.execPath, ['bin/readout.js', ...args], { cwd: ROOT, env: full });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('exit', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

describe('readout ingest', () => {
  it('adds a page, a file and stdin, refuses a syndicated copy and a private address, and exits 0 only when it added', async () => {
    const url = `sqlite:${join(dir, 'readout.db')}`;
    const allowed = { DATABASE_URL: url, READOUT_INGEST_ALLOW_PRIVATE: '1' };
    const added = await readout(['ingest', server.url('/readout'), '--json'], allowed);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      outcome: 'added',
      id: expect.stringMatching(/^web-[0-9a-f]{12}$/),
      canonicalUrl: 'https://english.news.cn/20250424/lighthouse/c.html',
      quotes: 4,
    });
    const copy = await readout(['ingest', server.url('/mirror')], allowed);
    expect(copy).toMatchObject({ code: 1, stdout: '' });
    expect(copy.stderr).toMatch(
      /^Already in the corpus: 'Xi Jinping holds talks with Kenyan President William Ruto' \(web-[0-9a-f]{12}\) has the same text\.\n$/,
    );
    const refused = await readout(['ingest', server.url('/readout')], { DATABASE_URL: url });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/127\.0\.0\.1:\d+ is a loopback or private address; .*READOUT_INGEST_ALLOW_PRIVATE=1/);

    const file = join(dir, 'astana.txt');
    writeFileSync(
      file,
      'ASTANA, July 2 (Xinhua) -- Xi Jinping met Kassym-Jomart Tokayev in Astana on Tuesday, 2 July 2024.\n\nXi said the two sides agreed.\n',
    );
    const fromFile = await readout(['ingest', file], allowed);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toMatch(/^Added '.*', 2024-07-02, Astana, /);
    const fromStdin = await readout(['ingest', '-'], allowed, 'NAIROBI, May 5 2024 -- William Ruto said the new port opens next year.\n');
    expect(fromStdin).toMatchObject({ code: 0 });

    const missing = await readout(['ingest', join(dir, 'nope.html')], allowed);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.html cannot be read \(ENOENT\)/);
    expect(await readout(['ingest'], allowed)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Usage: readout ingest URL\|FILE\|-/),
    });

    const store = await openStore(url);
    expect((await store.listDocuments()).map((d) => d.addedBy.startsWith('cli:'))).toEqual([true, true, true]);
    await store.close();
  }, 60_000);
});
