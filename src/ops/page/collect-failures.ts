import type { SlotRecord, Subscription } from '../../core/store/store-types.js';
import { platformFix } from './platform-fixes.js';
import { stateGroup } from './recent-slots.js';

/** Channels listed per failure group; the count says how many there are in all. */
const CHANNELS_SHOWN = 20;

export interface FailureGroup {
  platform: string;
  code: string;
  fix: string;
  count: number;
  channels: { workspace: string; channel: string; fix: string }[];
  since: string;
}

/**
 * Recent failed, paused and retrying slots and the subscriptions readout paused itself, grouped by the
 * platform's reason, each with what to do in the platform's words; most channels first.
 */
export function collectFailures(slots: readonly SlotRecord[], paused: readonly Subscription[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup & { seen: Set<string> }>();
  const add = (platform: string, workspace: string, channel: string, reason: string, at: string) => {
    const { code, fix } = platformFix(platform, reason, channel);
    const key = `${platform}\u0000${code}`;
    const group = groups.get(key) ?? { platform, code, fix, count: 0, channels: [], since: at, seen: new Set<string>() };
    const channelKey = `${workspace}\u0000${channel}`;
    if (!group.seen.has(channelKey)) {
      group.seen.add(channelKey);
      group.count++;
      if (group.channels.length < CHANNELS_SHOWN)
        group.channels.push({ workspace, channel, fix: platformFix(platform, reason, channel).fix });
    }
    if (at < group.since) group.since = at;
    groups.set(key, group);
  };
  for (const slot of slots) {
    const group = stateGroup(slot.state);
    if (!slot.reason || (group !== 'failed' && group !== 'paused' && group !== 'open')) continue;
    add(slot.platform, slot.workspace, slot.channel, slot.reason, slot.firstClaimedAt ?? slot.updatedAt);
  }
  for (const sub of paused) {
    if (sub.pausedReason) add(sub.platform, sub.workspace, sub.channel, sub.pausedReason, sub.updatedAt);
  }
  return [...groups.values()].map(({ seen: _seen, ...group }) => group).sort((a, b) => b.count - a.count || a.since.localeCompare(b.since));
}
