/**
 * Runs jobs one per event-loop turn, in arrival order. A command's search and rendering are synchronous
 * CPU work; run back to back in one turn they keep the loop from accepting the next connection or reading
 * the next gateway frame, so a burst of commands would wait for each other's acknowledgements. Between two
 * jobs the loop polls for I/O, so acknowledgements go out while commands still wait their turn.
 */
export interface TurnQueue {
  /** Starts `job` on a later turn, after the jobs queued before it have started; settles as the job does. */
  run<T>(job: () => Promise<T> | T): Promise<T>;
  /**
   * Holds jobs back while an acknowledgement is on its way (at most `maxHoldMs` at a time), so sending it
   * does not compete with other commands for the thread. Returns the same promise.
   */
  hold<T>(acknowledgement: Promise<T>): Promise<T>;
  /** Jobs queued and not yet started. */
  pending(): number;
}

export function createTurnQueue(options: { maxHoldMs?: number } = {}): TurnQueue {
  const maxHoldMs = options.maxHoldMs ?? 100;
  const jobs: (() => void)[] = [];
  let scheduled = false;
  let held = 0;
  const schedule = () => {
    if (scheduled || held > 0 || jobs.length === 0) return;
    scheduled = true;
    setImmediate(step);
  };
  const step = () => {
    scheduled = false;
    if (held > 0) return;
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
    hold<T>(acknowledgement: Promise<T>): Promise<T> {
      held += 1;
      let released = false;
      // An acknowledgement slower than the cap stops holding, so a slow network never starves the commands.
      const timer = setTimeout(() => release(), maxHoldMs);
      const release = () => {
        if (released) return;
        released = true;
        clearTimeout(timer);
        held -= 1;
        schedule();
      };
      acknowledgement.then(release, release);
      return acknowledgement;
    },
    pending: () => jobs.length,
  };
}
