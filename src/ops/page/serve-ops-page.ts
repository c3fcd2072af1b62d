import type { IncomingMessage, ServerResponse } from 'node:http';
import { opsMessages } from '../ops-messages.js';
import { collectDigest } from './collect-digest.js';
import { collectFailures } from './collect-failures.js';
import { collectNow } from './collect-now.js';
import { collectSubscriptions, readSubscriptionQuery, subscriptionsCsv } from './collect-subscriptions.js';
import { explainSlot, readExplainQuery } from './explain-slot.js';
import { handleSignIn, mayViewPage, type PageAccess } from './ops-page-access.js';
import { OPS_PAGE_CSS } from './ops-page-css.js';
import { OPS_SECTIONS, type OpsPageSource, type OpsSection } from './ops-page-types.js';
import { recentSlots } from './recent-slots.js';
import { renderOpsPage } from './render-ops-page.js';

/** Paused subscriptions read for the failures table: the ones readout paused itself, newest reasons included. */
const PAUSED_READ = 1_000;
const CHANGES_SHOWN = 100;
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#2f6690"/></svg>';

/** No script at all, styles from this origin only, never framed; the page never changes anything. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/**
 * Serves GET /ops (the page), /ops/<section>.json (the same data), /ops/subscriptions.csv and
 * /ops/ops.css. Returns false for paths it does not own. Read-only: anything but GET or HEAD is a 405.
 */
export async function serveOpsPage(source: OpsPageSource, access: PageAccess, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (path !== '/ops' && !path.startsWith('/ops/')) return false;
  if (path === '/ops/login') {
    await handleSignIn(req, res, access, SECURITY_HEADERS);
    return true;
  }
  const isAsset = path === '/ops/ops.css' || path === '/ops/favicon.svg';
  if (!isAsset && !mayViewPage(req, access)) {
    if (access.kind === 'none') {
      res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: opsMessages.pageNotHere }));
    } else if (path === '/ops' || path === '/ops/') {
      res.writeHead(303, { ...SECURITY_HEADERS, location: '/ops/login' }).end();
    } else {
      res.writeHead(401, { ...SECURITY_HEADERS, 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
      res.end(JSON.stringify({ error: opsMessages.pageNotHere }));
    }
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD', 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'the operator page is read-only: only GET is served' }));
    return true;
  }
  if (path === '/ops' || path === '/ops/') {
    const body = renderOpsPage(await collectAll(source, url.searchParams));
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  if (path === '/ops/ops.css') {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/css; charset=utf-8' });
    res.end(OPS_PAGE_CSS);
    return true;
  }
  if (path === '/ops/favicon.svg') {
    // Named by the page, so the browser does not ask for /favicon.ico (a 404 in its console).
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'image/svg+xml' });
    res.end(FAVICON);
    return true;
  }
  if (path === '/ops/subscriptions.csv') {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="subscriptions.csv"',
    });
    for await (const chunk of subscriptionsCsv(source.store, readSubscriptionQuery(url.searchParams))) res.write(chunk);
    res.end();
    return true;
  }
  const section = /^\/ops\/([a-z]+)\.json$/.exec(path)?.[1];
  if (section && (OPS_SECTIONS as readonly string[]).includes(section)) {
    const body = JSON.stringify(await collectSection(source, section as OpsSection, url.searchParams));
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/json' });
    res.end(body);
    return true;
  }
  res.writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: `not found: the operator page serves /ops and /ops/{${OPS_SECTIONS.join(',')}}.json` }));
  return true;
}

async function collectAll(source: OpsPageSource, params: URLSearchParams) {
  const now = source.clock.now();
  const explainQuery = readExplainQuery(params);
  const [nowSection, slots, paused, subscriptions, explain, changes] = await Promise.all([
    collectNow(source),
    recentSlots(source.store, now),
    source.store.listPausedSubscriptions(PAUSED_READ),
    collectSubscriptions(source.store, readSubscriptionQuery(params)),
    explainQuery ? explainSlot(source.store, explainQuery, now) : Promise.resolve(null),
    source.store.listChanges({ limit: CHANGES_SHOWN }),
  ]);
  const subscriptionsQuery = new URLSearchParams();
  for (const key of ['platform', 'state', 'after']) {
    const value = params.get(key);
    if (value) subscriptionsQuery.set(key, value);
  }
  return {
    now: nowSection,
    digest: collectDigest(source, slots, now),
    failures: collectFailures(slots, paused),
    subscriptions,
    explain,
    changes,
    subscriptionsQuery,
  };
}

async function collectSection(source: OpsPageSource, section: OpsSection, params: URLSearchParams): Promise<unknown> {
  const now = source.clock.now();
  switch (section) {
    case 'now':
      return collectNow(source);
    case 'digest':
      return collectDigest(source, await recentSlots(source.store, now), now);
    case 'failures': {
      const [slots, paused] = await Promise.all([recentSlots(source.store, now), source.store.listPausedSubscriptions(PAUSED_READ)]);
      return collectFailures(slots, paused);
    }
    case 'subscriptions':
      return collectSubscriptions(source.store, readSubscriptionQuery(params));
    case 'explain': {
      const query = readExplainQuery(params);
      return query
        ? explainSlot(source.store, query, now)
        : { error: 'name a slot: ?platform=slack&workspace=T1&channel=C1&date=YYYY-MM-DD' };
    }
    case 'changes':
      return source.store.listChanges({ limit: CHANGES_SHOWN });
  }
}
