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

describe('createTurnQueue holding for acknowledgements', () => {
  /** Lets the loop run a few turns. */
  const turns = async (count: number) => {
    for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
  };

  it('starts no job while an acknowledgement is on its way, and resumes when it lands', async () => {
    const queue = createTurnQueue({ maxHoldMs: 60_000, maxStallMs: 60_000 });
    let land: () => void = () => {};
    const ack = new Promise<void>((resolve) => {
      land = resolve;
    });
    void queue.hold(ack);
    let ran = false;
    const job = queue.run(() => {
      ran = true;
    });
    await turns(5);
    expect(ran).toBe(false);
    land();
    await job;
    expect(ran).toBe(true);
  });

  it('a failed acknowledgement releases the hold too', async () => {
    const queue = createTurnQueue({ maxHoldMs: 60_000, maxStallMs: 60_000 });
    await expect(queue.hold(Promise.reject(new Error('lost')))).rejects.toThrow('lost');
    await expect(queue.run(() => 'ran')).resolves.toBe('ran');
  });

  it('an acknowledgement that never lands holds jobs back at most maxHoldMs', async () => {
    const queue = createTurnQueue({ maxHoldMs: 1, maxStallMs: 60_000 });
    void queue.hold(new Promise(() => {}));
    await expect(queue.run(() => 'ran')).resolves.toBe('ran');
  });

  it('a steady stream of acknowledgements still lets a job start every maxStallMs', async () => {
    const queue = createTurnQueue({ maxHoldMs: 60_000, maxStallMs: 1 });
    // Holds that never land, renewed forever: only the stall limit lets the jobs through.
    void queue.hold(new Promise(() => {}));
    await expect(Promise.all([queue.run(() => 1), queue.run(() => 2)])).resolves.toEqual([1, 2]);
  });
});
