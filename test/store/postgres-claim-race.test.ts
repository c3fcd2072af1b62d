import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { leaveExpiredClaims, raceTwoProcesses } from './claim-race.js';
import { dropSchema, freshSchemaName, POSTGRES_TEST_URL, urlWithSchema } from './postgres-test-database.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function freshDatabase(): { dir: string; url: string } {
  const dir = mkdtempSync(join(tmpdir(), 'readout-pg-race-'));
  const schema = freshSchemaName();
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => dropSchema(schema),
  );
  return { dir, url: urlWithSchema(schema) };
}

describe.skipIf(!POSTGRES_TEST_URL)('two processes on one Postgres database', () => {
  it('migrate together, race for the same slots from a barrier, and never both win one', async () => {
    const { dir, url } = freshDatabase();
    // Both processes create and migrate the fresh schema at the same time too (the advisory lock's job).
    await raceTwoProcesses(url, url, dir, 300, 1);
  }, 60_000);

  it('race for the same expired leases from a barrier: exactly one takes each over, and the dead holder’s token writes nothing', async () => {
    const { dir, url } = freshDatabase();
    await leaveExpiredClaims(url, 200);
    await raceTwoProcesses(url, url, dir, 200, 2);
  }, 60_000);
});
