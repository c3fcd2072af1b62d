import type { Store } from '../../core/store/store-types.js';

/** Paused follows listed on the page; the count says how many there are in all. */
const PAUSED_SHOWN = 20;

/** Channels that follow new readouts, the ones readout paused and why, and the announcements still waiting. */
export async function collectFollows(store: Store) {
  const [follows, backlog] = await Promise.all([store.listFollows(), store.announcementBacklog()]);
  const paused = follows.filter((follow) => follow.status === 'paused');
  return {
    active: follows.length - paused.length,
    paused: paused.length,
    pausedChannels: paused.slice(0, PAUSED_SHOWN).map(({ platform, workspace, channel, pausedReason }) => ({
      platform,
      workspace,
      channel,
      reason: pausedReason,
    })),
    announcementsOpen: backlog.open,
    oldestOpenDueAt: backlog.oldestDueAt,
  };
}
