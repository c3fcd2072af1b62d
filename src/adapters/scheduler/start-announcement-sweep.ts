import type { AnnouncementSweepResult, SweepAnnouncementsOptions } from '../../core/follow/sweep-announcements.js';
import { sweepAnnouncements } from '../../core/follow/sweep-announcements.js';
import type { Logger } from '../../core/logger.js';

export interface AnnouncementSweepOptions extends Omit<SweepAnnouncementsOptions, 'shouldStop' | 'logger'> {
  logger: Logger;
  /** How often to look for announcements due (default 30 s); `wake` looks at once. */
  tickMs?: number;
  /** Delay before the first look, so start-up is not slowed (default 2 s). */
  firstTickMs?: number;
  onSweep?: (results: AnnouncementSweepResult[]) => void;
}

/**
 * Posts new readouts to the channels that follow them: sweeps the store's announcement outbox every `tickMs`, and at
 * once when woken (a document was added here, or the corpus reloaded because another process added one). Sweeps never
 * overlap; a wake during one runs another right after. `stop` waits for the one running, which starts no new post.
 */
export function startAnnouncementSweep(options: AnnouncementSweepOptions): { wake(): void; stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    timer = undefined;
    again = false;
    running = sweepAnnouncements({ ...options, shouldStop: () => stopped })
      .then((results) => {
        if (results.length > 0) options.onSweep?.(results);
        // A full sweep may have left more behind: look again at once.
        if (results.length >= (options.limit ?? 20)) again = true;
      })
      .catch((error: unknown) => options.logger.error({ err: error }, 'announcement sweep failed; trying again at the next tick'))
      .finally(() => {
        running = undefined;
        if (!stopped) schedule(again ? 0 : (options.tickMs ?? 30_000));
      });
  };
  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  schedule(options.firstTickMs ?? 2_000);
  return {
    wake() {
      if (stopped) return;
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
