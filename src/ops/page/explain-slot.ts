import { slotFor } from '../../core/digest/due-slots.js';
import { slotKey } from '../../core/store/slot-key.js';
import { isTerminalSlotState } from '../../core/store/slot-states.js';
import type { ChannelRef, Store } from '../../core/store/store-types.js';

export interface ExplainQuery extends ChannelRef {
  date: string;
}

export interface Stage {
  stage: string;
  /** true passed, false failed, null not reached (or not applicable). */
  passed: boolean | null;
  detail: string;
}

const PLATFORMS = new Set(['slack', 'discord', 'console']);

/** The slot to explain from query parameters, or undefined when they do not name one. */
export function readExplainQuery(params: URLSearchParams): ExplainQuery | undefined {
  const platform = params.get('platform') ?? '';
  const workspace = params.get('workspace') ?? '';
  const channel = params.get('channel') ?? '';
  const date = params.get('date') ?? '';
  if (!PLATFORMS.has(platform) || !workspace || !channel || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return { platform: platform as ChannelRef['platform'], workspace, channel, date };
}

/** Each stage a digest slot goes through, passed or failed, from the subscription and the ledger. */
export async function explainSlot(store: Store, query: ExplainQuery, now: Date) {
  const sub = await store.getSubscription(query);
  const slot = await store.getSlot(slotKey(query, query.date));
  const stages: Stage[] = [];
  stages.push(
    sub
      ? {
          stage: 'subscription active',
          passed: sub.status === 'active',
          detail:
            sub.status === 'active'
              ? `every day at ${sub.time} (${sub.timezone})`
              : `paused${sub.pausedReason ? `: ${sub.pausedReason}` : ''}`,
        }
      : { stage: 'subscription active', passed: slot ? null : false, detail: 'no subscription for this channel (now)' },
  );
  const due = slot?.dueAt ?? (sub ? slotFor(sub, query.date)?.dueAt.toISOString() : undefined);
  stages.push(
    due
      ? { stage: 'due time passed', passed: Date.parse(due) <= now.getTime(), detail: `due ${due}` }
      : { stage: 'due time passed', passed: null, detail: 'no due time known' },
  );
  if (!slot) {
    stages.push({ stage: 'claimed', passed: false, detail: 'no ledger record: no process has claimed this slot' });
    return { ...query, key: slotKey(query, query.date), state: null, stages };
  }
  stages.push({
    stage: 'claimed',
    passed: true,
    detail: `by ${slot.claimedBy ?? 'unknown'} at ${slot.firstClaimedAt ?? 'unknown'}, ${slot.attempts} attempt${slot.attempts === 1 ? '' : 's'}${slot.leaseUntil ? `, lease until ${slot.leaseUntil}` : ''}`,
  });
  const posted = slot.state === 'posted';
  stages.push({
    stage: 'posted or recovered',
    passed: posted ? true : isTerminalSlotState(slot.state) ? false : null,
    detail: posted
      ? `message ${slot.messageId ?? '?'} at ${slot.postedAt ?? '?'}`
      : `state ${slot.state}${slot.uncertain ? ' (last outcome uncertain)' : ''}${slot.pagesSent > 0 ? `, ${slot.pagesSent} page${slot.pagesSent === 1 ? '' : 's'} sent` : ''}`,
  });
  stages.push(
    slot.state === 'skipped_empty'
      ? { stage: 'empty-day rule', passed: false, detail: 'nothing on this day, and the channel does not ask for empty-day posts' }
      : { stage: 'empty-day rule', passed: true, detail: 'the day had content, or the channel asks for empty-day posts' },
  );
  stages.push({
    stage: 'platform answer',
    passed: posted ? true : slot.reason ? false : null,
    detail: slot.reason ?? (slot.messageId ? `message ${slot.messageId}` : 'none recorded'),
  });
  return { ...query, key: slot.key, state: slot.state, stages };
}
