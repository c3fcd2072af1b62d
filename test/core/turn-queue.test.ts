import { describe, expect, it } from 'vitest';
import { createTurnQueue } from '../../src/core/turn-queue.js';

describe('createTurnQueue', () => {
  it('starts jobs in order, one per event-loop turn, with I/O callbacks in between', async () => {
    const queue = createTurnQueue();
    const events: string[] = [];
    const done = [1, 2, 3].map((n) =>
      queue.run(() => {
        events.push(`job ${n}`);
        // Work the loop takes up on its next turn; it must come before the next job, not after all of them.
        if (n === 1) setImmediate(() => events.push('next turn'));
      }),
    );
    expect(queue.pending()).toBe(3);
    await Promise.all(done);
    expect(events).toEqual(['job 1', 'next turn', 'job 2', 'job 3']);
    expect(queue.pending()).toBe(0);
  });

  it('settles as each job settles, and a failing job does not stop the next', async () => {
    const queue = createTurnQueue();
    const failing = queue.run(() => {
      throw new Error('boom');
    });
    const rejected = queue.run(() => Promise.reject(new Error('later boom')));
    const fine = queue.run(async () => 'ok');
    await expect(failing).rejects.toThrow('boom');
    await expect(rejected).rejects.toThrow('later boom');
    await expect(fine).resolves.toBe('ok');
  });
});
