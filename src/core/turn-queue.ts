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
   * Holds jobs back while an acknowledgement is on its way (each for at most `maxHoldMs`, and never more
   * than `maxStallMs` without a job starting), so sending it does not compete with other commands for the
   * thread. Returns the same promise.
   */
  hold<T>(acknowledgement: Promise<T>): Promise<T>;
  /** Jobs queued and not yet started. */
  pending(): number;
}

export function createTurnQueue(options: { maxHoldMs?: number; maxStallMs?: number } = {}): TurnQueue {
  const maxHoldMs = options.maxHoldMs ?? 100;
  // Under a steady stream of acknowledgements, a job still starts at least this often.
  const maxStallMs = options.maxStallMs ?? 25;
  const jobs: (() => void)[] = [];
  let scheduled = false;
  let held = 0;
  let progressAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const stalledFor = () => maxStallMs - (Date.now() - progressAt);
  const schedule = () => {
    if (scheduled || jobs.length === 0) return;
    if (held > 0 && stalledFor() > 0) {
      timer ??= setTimeout(() => {
        timer = undefined;
        schedule();
      }, stalledFor());
      return;
    }
    scheduled = true;
    setImmediate(step);
  };
  const step = () => {
    scheduled = false;
    if (held > 0 && stalledFor() > 0) {
      schedule();
      return;
    }
    progressAt = Date.now();
    jobs.shift()?.();
    schedule();
  };
  return {
    run<T>(job: () => Promise<T> | T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (jobs.length === 0) progressAt = Date.now();
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
      const cap = setTimeout(() => release(), maxHoldMs);
      const release = () => {
        if (released) return;
        released = true;
        clearTimeout(cap);
        held -= 1;
        if (held === 0) {
          clearTimeout(timer);
          timer = undefined;
        }
        schedule();
      };
      acknowledgement.then(release, release);
      return acknowledgement;
    },
    pending: () => jobs.length,
  };
}
