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
