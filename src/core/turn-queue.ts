/**
 * Runs jobs one per event-loop turn, in arrival order. A command's search and rendering are synchronous
 * CPU work; run back to back in one turn they keep the loop from accepting the next connection or reading
 * the next gateway frame, so a burst of commands would wait for each other's acknowledgements. Between two
 * jobs the loop polls for I/O, so acknowledgements go out while commands still wait their turn.
 */
export interface TurnQueue {
  /** Starts `job` on a later turn, after the jobs queued before it have started; settles as the job does. */
  run<T>(job: () => Promise<T> | T): Promise<T>;
  /** Jobs queued and not yet started. */
  pending(): number;
}

export function createTurnQueue(): TurnQueue {
  const jobs: (() => void)[] = [];
  let scheduled = false;
  const schedule = () => {
    if (scheduled || jobs.length === 0) return;
    scheduled = true;
    setImmediate(step);
  };
  const step = () => {
    scheduled = false;
    jobs.shift()?.();
    schedule();
  };
  return {
    run<T>(job: () => Promise<T> | T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        jobs.push(() => {
          try {
            Promise.resolve(job()).then(resolve, reject);
          } catch (error) {
            reject(error);
          }
        });
        schedule();
      });
    },
    pending: () => jobs.length,
  };
}
