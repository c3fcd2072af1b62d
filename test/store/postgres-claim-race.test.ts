import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { dropSchema, freshSchemaName, POSTGRES_TEST_URL, urlWithSchema } from './postgres-test-database.js';

const run = promisify(execFile);
const worker = join(import.meta.dirname, 'sqlite-claim-race-worker.ts');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe.skipIf(!POSTGRES_TEST_URL)('two processes on one Postgres database', () => {
  it('migrate together, race for the same slots from a barrier, and never both win one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-pg-race-'));
    const schema = freshSchemaName();
    cleanups.push(
      () => rmSync(dir, { recursive: true, force: true }),
      () => dropSchema(schema),
    );
    const url = urlWithSchema(schema);
    const barrier = join(dir, 'go');
    const count = 300;
    // Both processes create and migrate the fresh schema at the same time too (the advisory lock's job).
    const runs = ['proc-a', 'proc-b'].map((owner) =>
      run(process.execPath, ['--import', 'tsx', worker, url, owner, String(count), barrier], { cwd: process.cwd() }),
    );
    while (!['proc-a', 'proc-b'].every((owner) => existsSync(`${barrier}.${owner}.ready`))) await new Promise((r) => setTimeout(r, 5));
    writeFileSync(barrier, '');
    const [a, b] = await Promise.all(runs);
    const wonA: string[] = JSON.parse(a!.stdout);
    const wonB: string[] = JSON.parse(b!.stdout);
    expect(wonA.filter((key) => wonB.includes(key))).toEqual([]);
    expect(wonA.length + wonB.length).toBe(count);
    // Both really raced: neither process won everything.
    expect(wonA.length).toBeGreaterThan(0);
    expect(wonB.length).toBeGreaterThan(0);
    const store = await openStore(url);
    const slots = await store.listSlots();
    await store.close();
    expect(slots).toHaveLength(count);
    expect(slots.every((slot) => slot.state === 'posted' && slot.attempts === 1)).toBe(true);
  }, 60_000);
});
