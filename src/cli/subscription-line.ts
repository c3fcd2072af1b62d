import { z } from 'zod';
import { isValidTimeZone } from '../core/calendar/time-zone.js';
import { parseTimeOfDay } from '../core/digest/parse-time-of-day.js';
import type { Subscription, SubscriptionInput } from '../core/store/store-types.js';
import { storeCliMessages } from './store-cli-messages.js';

// Checking a zone builds an Intl formatter (about 0.3 ms); an import of 100k lines sees a few hundred zones at most.
const zoneChecks = new Map<string, boolean>();
function knownZone(zone: string): boolean {
  let valid = zoneChecks.get(zone);
  if (valid === undefined) {
    valid = isValidTimeZone(zone);
    if (zoneChecks.size < 2_000) zoneChecks.set(zone, valid);
  }
  return valid;
}

const id = z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters');

/** One line of `readout digest export` / `import`: a subscription as an operator moves it between stores. */
export const subscriptionLineSchema = z.object({
  platform: z.enum(['slack', 'discord', 'console'], { error: 'must be slack, discord or console' }),
  workspace: id,
  channel: id,
  time: z
    .string({ error: 'must be a string like 09:00' })
    .refine((text) => parseTimeOfDay(text).ok, { message: 'is not a time of day like 09:00' }),
  timezone: z
    .string({ error: 'must be a string like Asia/Almaty' })
    .refine(knownZone, { message: 'is not an IANA time zone such as Asia/Almaty' }),
  status: z.enum(['active', 'paused'], { error: 'must be active or paused' }),
  postEmpty: z.boolean({ error: 'must be true or false' }),
});

export type SubscriptionLine = z.infer<typeof subscriptionLineSchema>;

/** The export form of a subscription: exactly the fields an import reads back. */
export function toSubscriptionLine(sub: Subscription): SubscriptionLine {
  return {
    platform: sub.platform,
    workspace: sub.workspace,
    channel: sub.channel,
    time: sub.time,
    timezone: sub.timezone,
    status: sub.status,
    postEmpty: sub.postEmpty,
  };
}

/** Reads one line into a subscription, or says (for an operator, by field) what is wrong with it. */
export function parseSubscriptionLine(text: string): { ok: true; sub: SubscriptionInput } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: storeCliMessages.notJson };
  }
  const parsed = subscriptionLineSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      problem: parsed.error.issues
        .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')} ${issue.message}` : storeCliMessages.notObject))
        .join('; '),
    };
  }
  const line = parsed.data;
  const time = parseTimeOfDay(line.time);
  return { ok: true, sub: { ...line, time: time.ok ? time.time : line.time, pausedReason: null } };
}
