/** Every user-facing sentence of the digest and its ledger reasons, in one place. */

const HOUR_MS = 3_600_000;

function hours(ms: number): string {
  const h = ms / HOUR_MS;
  return Number.isInteger(h) ? `${h}h` : `${Math.round(ms / 60_000)} min`;
}

const PLATFORM_NAMES = new Map([
  ['slack', 'Slack'],
  ['discord', 'Discord'],
]);

export const digestMessages = {
  badTimeOfDay: (text: string) => `“${text}” is not a time of day. Use HH:MM in 24-hour form, for example 09:00 or 17:30.`,
  emptyDayLine: 'Nothing in the readouts happened on this day in earlier years.',
  reasonEmptyDay: 'nothing on this day (the subscription does not post empty days)',
  reasonLate: (dueLocal: string, dueUtc: string, graceMs: number, nowUtc: string) =>
    `missed: due ${dueLocal} (${dueUtc}) but not attempted until ${nowUtc}, after the ${hours(graceMs)} grace period (was the bot down?)`,
  reasonGaveUp: (attempts: number, lastReason: string | null) =>
    `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'} within the grace period; last error: ${lastReason ?? 'unknown'}`,
  reasonGone: (reason: string) => `the platform says the channel is gone or the bot was removed (${reason})`,
  reasonFatal: (reason: string) => `the platform refused the post (${reason})`,
  reasonRetry: (reason: string, retryAt: string) => `${reason}; retrying at ${retryAt}`,
  reasonUnknownOutcome: (message: string) => `post outcome unknown (${message}); the next attempt checks the channel for it first`,
  reasonUnreadableSchedule: (time: string, timezone: string) =>
    `cannot read the time “${time}” or the time zone “${timezone}”: looked at again once a day until the subscription is fixed`,
  reasonNotSettled: (why: string) => `not settled in this run (${why}); the next wake-up tries again`,
  noConnection: (platform: string) => {
    const name = PLATFORM_NAMES.get(platform) ?? platform;
    return `digest subscriptions on ${name} are waiting: no ${name} connection in any process (start one with its token set; days missed beyond the grace period are then recorded as skipped_late)`;
  },
  reasonStopped: 'shutting down before posting; the slot is left for the next run',
  /** Ledger reasons for failures that are not the platform's: the full error is in the log, never shown. */
  reasonDatabase: 'the database was unavailable (details in the log)',
  reasonConnection: 'the connection to the database was lost or refused (details in the log)',
  reasonUnexpected: 'an unexpected error (details in the log)',
  listHeading: (first: number, last: number) => `Digest subscriptions ${first}–${last}`,
  listEmpty: 'No digest subscriptions yet.',
  listNoMore: (offset: number) => `No digest subscriptions after the first ${offset}.`,
  listMore: 'More',
  listThisChannel: 'this channel',
  listAnotherChannel: 'another channel',
  listIdsHidden: 'Other channels are named only to those who may change digests.',
  /** What `digest list` shows for a paused subscription. */
  pausedBecause: (reason: string | null) => {
    if (!reason) return 'Paused.';
    if (/channel_not_found|http_404|unknown_channel/.test(reason)) {
      return `Paused: the channel no longer exists (${reason}). Subscribe again from a channel that exists.`;
    }
    if (/not_in_channel|http_403|missing_access|missing_permissions/.test(reason)) {
      return `Paused: the bot was removed from the channel or may not post there (${reason}). Invite it back, then resume the digest.`;
    }
    return `Paused: ${reason}.`;
  },
} as const;
