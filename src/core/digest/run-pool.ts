/** How long the runner may keep the event loop before it lets commands and timers in. */
const SLICE_MS = 5;

/**
 * A turn for the event loop every few milliseconds of work. Awaiting store calls does not yield by itself
 * (a synchronous driver resolves at once), so a long run of them would hold up every command.
 */
export function createBreather(sliceMs = SLICE_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
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
