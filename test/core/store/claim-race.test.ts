import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/core/store/index.js';

const run = promisify(execFile);
const worker = join(import.meta.dirname, 'claim-race-worker.ts');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('two processes on one SQLite file', () => {
  it('never both win a slot', async () => {
    dir = mkdtempSync(join(tmpdir(), 'readout-race-'));
    const file = join(dir, 'readout.db');
    const count = 300;
    // Both processes create and migrate the file at the same time too.
    const [a, b] = await Promise.all(
      ['proc-a', 'proc-b'].map((owner) =>
        run(process.execPath, ['--import', 'tsx', worker, file, owner, String(count)], { cwd: process.cwd() }),
      ),
    );
    const wonA: string[] = JSON.parse(a!.stdout);
    const wonB: string[] = JSON.parse(b!.stdout);
    expect(wonA.filter((key) => wonB.includes(key))).toEqual([]);
    expect(wonA.length + wonB.length).toBe(count);
    const store = openStore(`sqlite:${file}`);
    const slots = store.listSlots();
    store.close();
    expect(slots).toHaveLength(count);
    expect(slots.every((slot) => slot.state === 'posted' && slot.attempts === 1)).toBe(true);
  });
});
