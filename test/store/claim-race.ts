// Two real processes (sqlite-claim-race-worker.ts) released from a barrier to claim the same slots, on any store.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { openStore } from '../../src/store/index.js';

const run = promisify(execFile);
const worker = join(import.meta.dirname, 'sqlite-claim-race-worker.ts');
export const RACE_DATE = '2026-04-24';

/** Claims every slot as a holder that then dies mid-request (`sending`) with a lease that has already run out. */
export async function leaveExpiredClaims(target: string, count: number): Promise<void> {
  const store = await openStore(target);
  for (let i = 0; i < count; i++) {
    const claim = await store.claimSlot({ platform: 'slack', workspace: 'T1', channel: `C${i}` }, RACE_DATE, 'dead', 1);
    await store.renewLease(claim!.key, claim!.token, 1, { sending: true });
  }
  await store.close();
  await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * Runs both workers against `target` (a database URL or a SQLite file) from one barrier, and checks that every slot
 * was won exactly once, that both processes won some, and that each slot went through `attempts` claims.
 */
export async function raceTwoProcesses(target: string, url: string, dir: string, count: number, attempts: number): Promise<void> {
  const barrier = join(dir, 'go');
  const runs = ['proc-a', 'proc-b'].map((owner) =>
    run(process.execPath, ['--import', 'tsx', worker, target, owner, String(count), barrier], { cwd: process.cwd() }),
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
  expect(slots.every((slot) => slot.state === 'posted' && slot.attempts === attempts && slot.token === attempts)).toBe(true);
  // Taken over from a holder that died mid-request: the winner had to search first.
  if (attempts > 1) expect(slots.every((slot) => slot.uncertain)).toBe(true);
}
