import { slotKey } from '../../src/core/store/slot-key.js';
import type { ChannelRef, Store, SubscriptionInput } from '../../src/core/store/store-types.js';
import type { FakeClock } from './fake-clock.js';

/** A channel name carrying markup, which the operator page must show as text. */
export const MARKUP_CHANNEL = '<b>#general</b><script>alert(1)</script>';
export const DAY = '2026-04-24';
const LEASE_MS = 60_000;

export interface SeededDay {
  /** Minutes (ISO, UTC) that had posts, and how many. */
  postsPerMinute: Map<string, number>;
  posted: number;
  failed: { ref: ChannelRef; reason: string }[];
  skipped: number;
}

/**
 * A store with `subscriptions` channels and a day (2026-04-24, UTC) of `outcomes` digest slots: most posted
 * a few minutes late, spread over the day in bursts, some failed the way each platform fails
 * (`not_in_channel`, `http_403`), some skipped as empty, and one channel readout paused itself. The
 * fake clock is moved to each post's time, so the ledger's database times are the day's; it ends at 23:59.
 */
export async function seedDayOfOutcomes(
  store: Store,
  clock: FakeClock,
  options: { subscriptions: number; outcomes: number },
): Promise<SeededDay> {
  clock.set(`${DAY}T00:00:00Z`);
  const subs: SubscriptionInput[] = [];
  for (let i = 0; i < options.subscriptions; i++) {
    const platform = i % 3 === 0 ? 'discord' : 'slack';
    subs.push({
      platform,
      workspace: platform === 'slack' ? `T${i % 7}` : `G${i % 5}`,
      channel: i === 1 ? MARKUP_CHANNEL : `C${String(i).padStart(6, '0')}`,
      time: `${String(Math.floor((i * 7) / 60) % 24).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
      timezone: 'UTC',
      postEmpty: false,
    });
  }
  await store.importSubscriptions(subs);
  const day: SeededDay = { postsPerMinute: new Map(), posted: 0, failed: [], skipped: 0 };
  const outcomes = Math.min(options.outcomes, subs.length);
  // Posts come in bursts: a quarter of the day's minutes have posts, so the chart has gaps to show.
  const minutes = Math.max(1, Math.min(300, outcomes));
  for (let i = 0; i < outcomes; i++) {
    const sub = subs[i]!;
    const ref: ChannelRef = { platform: sub.platform, workspace: sub.workspace, channel: sub.channel };
    const minute = (i % minutes) * 4;
    const due = new Date(Date.parse(`${DAY}T00:00:00Z`) + minute * 60_000);
    clock.set(due);
    const claimed = await store.claimSlot(ref, DAY, `replica-${i % 2 === 0 ? 'a' : 'b'}`, LEASE_MS, { dueAt: due });
    const owner = claimed?.token ?? -1;
    const key = slotKey(ref, DAY);
    if (i === 1 || i % 97 === 5) {
      const reason = sub.platform === 'slack' ? 'not_in_channel' : 'http_403';
      await store.finishSlot(key, owner, { state: 'failed', reason });
      day.failed.push({ ref, reason });
    } else if (i % 53 === 7) {
      await store.finishSlot(key, owner, { state: 'skipped_empty' });
      day.skipped++;
    } else {
      // Lateness of 0-19 s, and every 10th post 15 minutes late (within the post's own minute bucket).
      const late = i % 10 === 3 ? 15 * 60_000 : (i % 20) * 1000;
      clock.set(new Date(due.getTime() + late));
      await store.finishSlot(key, owner, { state: 'posted', messageId: `m${i}` });
      const bucket = new Date(Math.floor(clock.now().getTime() / 60_000) * 60_000).toISOString();
      day.postsPerMinute.set(bucket, (day.postsPerMinute.get(bucket) ?? 0) + 1);
      day.posted++;
    }
  }
  const gone = subs[subs.length - 1]!;
  await store.setSubscriptionStatus(gone, 'paused', 'channel_not_found');
  await store.recordChange({ ...gone, action: 'paused', actor: 'readout', surface: 'digest', detail: 'channel_not_found' });
  await store.recordChange({ ...subs[1]!, action: 'subscribed', actor: 'U<i>admin</i>', surface: 'slack', detail: '00:07 UTC' });
  clock.set(`${DAY}T23:59:00Z`);
  return day;
}
