import { describe, expect, it } from 'vitest';
import { createBreather, runPool } from '../../../src/core/digest/run-pool.js';

describe('createBreather', () => {
  it('lets the event loop turn between the workers it holds, releasing one per turn', async () => {
    const order: string[] = [];
    // A zero slice: every call yields, as when a run has used up its few milliseconds.
    const breathe = createBreather(0);
    const workers = [1, 2, 3].map(async (i) => {
      await breathe();
      order.push(`w${i}`);
    });
    let turns = 0;
    const probe = () => {
      order.push('turn');
      if (++turns < 5) setImmediate(probe);
    };
    setImmediate(probe);
    await Promise.all(workers);
    // Were all three released at once, their work would be one block with no turn of the loop in between.
    expect(order.slice(0, 5)).toEqual(['w1', 'turn', 'w2', 'turn', 'w3']);
  });
});

describe('runPool', () => {
  it('keeps at most the limit in flight and works through every item', async () => {
    async function* items() {
      for (let i = 0; i < 10; i++) yield i;
    }
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await runPool(items(), 3, async (item) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      done.push(item);
      inFlight--;
    });
    expect(most).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('runPool when work fails', () => {
  it('resolves only after every worker has returned, with each failure reported once', async () => {
    async function* items() {
      for (let i = 0; i < 6; i++) yield i;
    }
    const gates: (() => void)[] = [];
    const finished: number[] = [];
    const reported: number[] = [];
    let settled = false;
    const run = runPool(
      items(),
      3,
      async (item) => {
        if (item === 0) throw new Error('connection reset');
        await new Promise<void>((resolve) => gates.push(resolve));
        finished.push(item);
      },
      { onError: ({ index }) => reported.push(index ?? -1) },
    ).finally(() => {
      settled = true;
    });
    while (gates.length < 2) await new Promise((resolve) => setImmediate(resolve));
    // One worker failed; the other two still hold items: the run is not over.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(reported).toEqual([0]);
    while (!settled) {
      for (const open of gates.splice(0)) open();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const failures = await run;
    expect(failures.map((f) => f.index)).toEqual([0]);
    // The failed worker took nothing more; the others worked through the rest.
    expect(finished.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });

  it('ends every worker when the source itself throws, and never rejects', async () => {
    async function* items() {
      yield 1;
      throw new Error('listing failed');
    }
    const done: number[] = [];
    const failures = await runPool(items(), 4, async (item) => {
      done.push(item);
    });
    expect(done).toEqual([1]);
    expect(failures.map((f) => (f.error as Error).message)).toEqual(['listing failed']);
  });
});
