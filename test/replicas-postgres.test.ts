import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, startFixtureServer } from './fakes/fixture-server.js';
import { dropSchema, freshSchemaName, POSTGRES_TEST_URL, urlWithSchema } from './store/postgres-test-database.js';

const ROOT = resolve(import.meta.dirname, '..');
const ARTICLE = readFileSync(join(ROOT, 'test/fixtures/ingest/article.html'), 'utf8');
const TITLE = 'Xi Jinping holds talks with Kenyan President William Ruto';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One real `readout start` process in console mode, with everything it printed so far. */
function startReplica(env: NodeJS.ProcessEnv): { child: ChildProcessWithoutNullStreams; output: () => string } {
  const child = spawn(process.execPath, ['bin/readout.js', 'start'], { cwd: ROOT, env });
  let seen = '';
  child.stdout.on('data', (chunk: Buffer) => {
    seen += chunk.toString();
  });
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  // The console wraps at 80 columns: spacing is folded so a wrapped answer still reads as one line.
  return { child, output: () => seen.replace(/\s+/g, ' ') };
}

/** Polls until `pattern` appears in what a replica printed, or fails once `deadline` (epoch ms) has passed. */
async function waitForOutput(output: () => string, pattern: RegExp, deadline: number, onEachTry?: () => void): Promise<void> {
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`not seen before the deadline: ${pattern}; output:\n${output()}`);
    onEachTry?.();
    await new Promise((done) => setTimeout(done, 250));
  }
}

describe.skipIf(!POSTGRES_TEST_URL)('two replicas on one Postgres', () => {
  it('a document added through one is found by /lookup on the other within 5 s', async () => {
    const schema = freshSchemaName();
    cleanups.push(() => dropSchema(schema));
    const server = await startFixtureServer(new Map([['/readout', serve('text/html', ARTICLE)]]));
    cleanups.push(() => server.close());
    const root = mkdtempSync(join(tmpdir(), 'readout-replicas-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const envFor = (name: string): NodeJS.ProcessEnv => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: urlWithSchema(schema),
        READOUT_CACHE_DIR: join(root, name),
        READOUT_INGEST_ALLOW_PRIVATE: '1',
      };
      for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
      return env;
    };
    const a = startReplica(envFor('a'));
    const b = startReplica(envFor('b'));
    await waitForOutput(a.output, /Type \/help/, Date.now() + 60_000);
    await waitForOutput(b.output, /Type \/help/, Date.now() + 60_000);
    b.child.stdin.write('/lookup lighthouse\n');
    await waitForOutput(b.output, /Nothing in the corpus matches/, Date.now() + 30_000);

    a.child.stdin.write(`/readout add ${server.url('/readout')}\n`);
    await waitForOutput(a.output, /Added '/, Date.now() + 30_000);
    expect(a.output()).toContain(`Added '${TITLE}', 2025-04-24, Beijing, 4 quotes by Xi Jinping and William Ruto.`);
    const added = Date.now();
    const before = b.output().length;
    await waitForOutput(
      () => b.output().slice(before),
      new RegExp(TITLE),
      added + 5_000,
      () => b.child.stdin.write('/lookup lighthouse\n'),
    );
    // The replica that added it answers the same.
    a.child.stdin.write('/lookup lighthouse\n');
    await waitForOutput(a.output, new RegExp(`${TITLE}[\\s\\S]*${TITLE}`), Date.now() + 5_000);
    for (const replica of [a, b]) replica.child.stdin.write('/quit\n');
  }, 180_000);
});
