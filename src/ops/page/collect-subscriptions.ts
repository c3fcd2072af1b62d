import type { ChannelRef, Store, Subscription, SubscriptionFilter } from '../../core/store/store-types.js';

/** Rows per page of the subscriptions table. */
export const SUBSCRIPTIONS_PAGE = 100;
const PLATFORMS = new Set(['slack', 'discord', 'console']);
const STATES = new Set(['active', 'paused']);

export interface SubscriptionQuery {
  platform?: ChannelRef['platform'];
  status?: Subscription['status'];
  after?: ChannelRef;
}

/** The table's filters from query parameters; unknown values are ignored, never passed to the store. */
export function readSubscriptionQuery(params: URLSearchParams): SubscriptionQuery {
  const platform = params.get('platform') ?? '';
  const status = params.get('state') ?? '';
  const after = params.get('after');
  const parts = after ? after.split(':') : [];
  return {
    ...(PLATFORMS.has(platform) ? { platform: platform as ChannelRef['platform'] } : {}),
    ...(STATES.has(status) ? { status: status as Subscription['status'] } : {}),
    ...(parts.length >= 3 && PLATFORMS.has(parts[0]!)
      ? { after: { platform: parts[0] as ChannelRef['platform'], workspace: parts[1]!, channel: parts.slice(2).join(':') } }
      : {}),
  };
}

/** Rows: each subscription, why it is paused, when it last posted (one read for the page) and when it is next due. */
export async function subscriptionRows(store: Store, subs: readonly Subscription[]) {
  const lastPosted = await store.lastPostedAt(subs);
  return subs.map((sub) => ({
    platform: sub.platform,
    workspace: sub.workspace,
    channel: sub.channel,
    time: sub.time,
    timezone: sub.timezone,
    state: sub.status,
    pausedReason: sub.pausedReason,
    lastPosted: lastPosted.get(`${sub.platform}:${sub.workspace}:${sub.channel}`) ?? null,
    nextDue: sub.status === 'active' ? sub.nextDueAt : null,
  }));
}

/** One page of the table, filtered by platform and state. */
export async function collectSubscriptions(store: Store, query: SubscriptionQuery) {
  const filter: SubscriptionFilter = { ...query, limit: SUBSCRIPTIONS_PAGE + 1 };
  const subs = await store.listSubscriptions(filter);
  const page = subs.slice(0, SUBSCRIPTIONS_PAGE);
  const last = page[page.length - 1];
  return {
    filter: { platform: query.platform ?? null, state: query.status ?? null },
    rows: await subscriptionRows(store, page),
    next: subs.length > SUBSCRIPTIONS_PAGE && last ? `${last.platform}:${last.workspace}:${last.channel}` : null,
  };
}

const CSV_COLUMNS = ['platform', 'workspace', 'channel', 'time', 'timezone', 'state', 'pausedReason', 'lastPosted', 'nextDue'] as const;
const CSV_PAGE = 2_000;

/** Every subscription that passes the filters, as CSV lines (header first), page by page. */
export async function* subscriptionsCsv(store: Store, query: SubscriptionQuery): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  let after = query.after;
  for (;;) {
    const subs = await store.listSubscriptions({ ...query, ...(after ? { after } : {}), limit: CSV_PAGE });
    const rows = await subscriptionRows(store, subs);
    if (rows.length) yield rows.map((row) => `${CSV_COLUMNS.map((column) => csvField(row[column])).join(',')}\r\n`).join('');
    if (subs.length < CSV_PAGE) return;
    after = subs[subs.length - 1];
  }
}

/** RFC 4180 quoting, and a leading `'` before `=`, `+`, `-`, `@` so a spreadsheet never runs a channel name as a formula. */
function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
