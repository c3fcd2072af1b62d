import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Logger, silentLogger } from '../../src/core/logger.js';
import { startReplicaHeartbeat } from '../../src/ops/replica-heartbeat.js';
import { openStore } from '../../src/store/index.js';
import { FakeClock } from '../fakes/fake-clock.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function recording(lines: string[]): Logger {
  const logger: Logger = { ...silentLogger, warn: (_fields, message) => lines.push(message ?? ''), child: () => logger };
  return logger;
}

async function sqliteFile() {
  const dir = mkdtempSync(join(tmpdir(), 'readout-replicas-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'readout.db');
  const clock = new FakeClock('2026-04-24T04:00:00Z');
  const store = await openStore(`sqlite:${path}`, { clock });
  cleanups.push(() => store.close());
  return { path, store, clock };
}

describe('the replica heartbeat on a SQLite file', () => {
  it('warns once, with the fix, when another live process of this host uses the same file', async () => {
    const { path, store } = await sqliteFile();
    // The test runner's parent is a live process that is not this one.
    await store.recordReplica({ id: 'host-a:parent', host: 'host-a', pid: process.ppid, serves: ['discord'] });
    const warnings: string[] = [];
    const beat = await startReplicaHeartbeat({
      store,
      id: 'host-a:me',
      host: 'host-a',
      serves: ['slack'],
      sqlitePath: path,
      logger: recording(warnings),
    });
    cleanups.push(() => beat.stop());
    expect(beat.others.map((r) => r.id)).toEqual(['host-a:parent']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`uses the same SQLite file ${path}`);
    expect(warnings[0]).toContain('set DATABASE_URL to a Postgres server');
    expect((await store.listReplicas({ seenWithinMs: 60_000 })).map((r) => `${r.id} ${r.serves.join('+')}`)).toEqual(
      expect.arrayContaining(['host-a:me slack', 'host-a:parent discord']),
    );
    await beat.stop();
    expect((await store.listReplicas({ seenWithinMs: 60_000 })).map((r) => r.id)).toEqual(['host-a:parent']);
  });

  it('says nothing about a process that has exited, or one whose heartbeat is minutes old', async () => {
    const { path, store, clock } = await sqliteFile();
    const exited = spawnSync(process.execPath, ['-e', '0']).pid!;
    await store.recordReplica({ id: 'host-a:gone', host: 'host-a', pid: exited, serves: ['slack'] });
    await store.recordReplica({ id: 'host-b:old', host: 'host-b', pid: 1, serves: ['slack'] });
    clock.advanceMinutes(5);
    await store.recordReplica({ id: 'host-a:gone', host: 'host-a', pid: exited, serves: ['slack'] });
    const warnings: string[] = [];
    const beat = await startReplicaHeartbeat({
      store,
      id: 'host-a:me',
      host: 'host-a',
      serves: ['slack'],
      sqlitePath: path,
      logger: recording(warnings),
    });
    cleanups.push(() => beat.stop());
    expect(beat.others).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
