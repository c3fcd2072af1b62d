import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { leaveExpiredClaims, raceTwoProcesses } from './claim-race.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('two processes on one SQLite file', () => {
  it('race for the same slots from a barrier, and never both win one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'readout-race-'));
    const file = join(dir, 'readout.db');
    // Both processes create and migrate the file at the same time too.
    await raceTwoProcesses(file, `sqlite:${file}`, dir, 300, 1);
  });

  it('race for the same expired leases from a barrier: exactly one takes each over, and the dead holder’s token writes nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'readout-race-'));
    const file = join(dir, 'readout.db');
    await leaveExpiredClaims(`sqlite:${file}`, 200);
    await raceTwoProcesses(file, `sqlite:${file}`, dir, 200, 2);
  });
});
