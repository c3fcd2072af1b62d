import { createHash } from 'node:crypto';

export const FEED_INTERVAL_MS = 30 * 60_000;

/**
 * The next poll after `now`: every `intervalMs`, at an offset derived from the URL, so a hundred feeds added at once
 * spread over the interval instead of all firing on the hour (and the same feed keeps its slot across restarts).
 */
export function nextPollAt(url: string, now: Date, intervalMs: number = FEED_INTERVAL_MS): Date {
  const offset = createHash('sha256').update(url).digest().readUInt32BE(0) % intervalMs;
  const since = now.getTime() - offset;
  const slot = Math.floor(since / intervalMs) + 1;
  return new Date(slot * intervalMs + offset);
}
