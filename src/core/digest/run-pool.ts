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

/** An item whose work threw (or a source that threw while listing: no item then). */
export interface PoolFailure<T> {
  item?: T;
  index?: number;
  error: unknown;
}

export interface PoolOptions<T> {
  /** Told of each failure as it happens, so the caller can record that item's outcome. */
  onError?: (failure: PoolFailure<T>) => void;
}

/**
 * Runs `work` on every item `source` yields with at most `limit` in flight: each worker pulls the next
 * item when it is done, so a slow post does not hold back the others and pages are read as they are needed.
 * Each worker catches its own failure: the item is reported and that worker takes no more (a store that
 * just failed would likely fail the next item too; the next run picks up what is left). It resolves only
 * when every worker has returned, so nothing of this run is still posting once it has, and it never rejects.
 */
export async function runPool<T>(
  source: AsyncIterator<T>,
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  options: PoolOptions<T> = {},
): Promise<PoolFailure<T>[]> {
  let index = 0;
  let sourceDone = false;
  const failures: PoolFailure<T>[] = [];
  const fail = (failure: PoolFailure<T>) => {
    failures.push(failure);
    try {
      options.onError?.(failure);
    } catch {
      // A failing reporter must not turn one item's failure into a rejected run.
    }
  };
  const worker = async () => {
    while (!sourceDone) {
      let next: IteratorResult<T>;
      try {
        next = await source.next();
      } catch (error) {
        // A generator that threw is finished: every worker stops.
        sourceDone = true;
        fail({ error });
        return;
      }
      if (next.done) {
        sourceDone = true;
        return;
      }
      const at = index++;
      try {
        await work(next.value, at);
      } catch (error) {
        fail({ item: next.value, index: at, error });
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  return failures;
}
