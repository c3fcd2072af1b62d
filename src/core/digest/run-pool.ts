/** How long the runner may keep the event loop before it lets commands and timers in. */
const SLICE_MS = 5;

/**
 * A turn for the event loop every few milliseconds of work. Awaiting store calls does not yield by itself
 * (a synchronous driver resolves at once), so a long run of them would hold up every command. Workers
 * that find the slice used up queue, and each turn of the loop (one setImmediate) lets one of them go on
 * with a fresh slice: were they all released at once, their steps would add up to one long block.
 */
export function createBreather(sliceMs = SLICE_MS): () => Promise<void> {
  let since = performance.now();
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const releaseOne = () => {
    scheduled = false;
    since = performance.now();
    waiting.shift()?.();
    if (waiting.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(releaseOne);
  };
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      schedule();
    });
  };
}

/**
 * Runs `work` on every item `source` yields with at most `limit` in flight: each worker pulls the next
 * item when it is done, so a slow post does not hold back the others and pages are read as they are needed.
 */
export async function runPool<T>(source: AsyncIterator<T>, limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let index = 0;
  const worker = async () => {
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      await work(next.value, index++);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}
