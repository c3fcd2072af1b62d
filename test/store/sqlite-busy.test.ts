import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { FakeClock } from '../fakes/fake-clock.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a SQLite file whose write lock another connection holds', () => {
  it('waits for it between turns of the event loop, then writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-busy-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'readout.db');
    const store = await openStore(`sqlite:${path}`, { clock: new FakeClock() });
    cleanups.push(() => store.close());
    // Another process's writer, as a second connection: it holds the write lock until a timer lets go of it.
    const sibling = new Database(path);
    cleanups.push(() => sibling.close());
    sibling.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks++;
      if (ticks === 20) sibling.exec('COMMIT');
    }, 5);
    cleanups.push(() => clearInterval(ticker));

    const sub = await store.upsertSubscription({
      platform: 'slack',
      workspace: 'T1',
      channel: 'C1',
      time: '09:00',
      timezone: 'UTC',
      postEmpty: false,
    });
    // Had SQLite's own busy wait held the loop, no timer could have fired and the lock would never have been let go.
    expect(ticks).toBeGreaterThanOrEqual(20);
    expect(sub.channel).toBe('C1');
    expect(await store.getSubscription(sub)).toMatchObject({ time: '09:00' });
  });
});
