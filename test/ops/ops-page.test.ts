import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { createMetrics } from '../../src/ops/create-metrics.js';
import { createReadiness } from '../../src/ops/readiness.js';
import { startOpsServer } from '../../src/ops/start-ops-server.js';
import { DAY, MARKUP_CHANNEL } from '../fakes/seed-ops-store.js';
import { type OpsPageHarness, startOpsPageHarness } from './ops-page-harness.js';

describe('GET /ops and its JSON sections', () => {
  let harness: OpsPageHarness;
  beforeAll(async () => {
    harness = await startOpsPageHarness({ subscriptions: 120, outcomes: 100 });
  });
  afterAll(() => harness.close());

  it('is read-only: anything but GET or HEAD is refused', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await fetch(`${harness.url}/ops/subscriptions.json`, { method });
      expect(response.status, method).toBe(405);
    }
    expect((await fetch(`${harness.url}/ops`, { method: 'HEAD' })).status).toBe(200);
  });

  it('serves every section as JSON with the numbers the page shows', async () => {
    const digest = (await (await fetch(`${harness.url}/ops/digest.json`)).json()) as {
      dates: { localDate: string; due: number; posted: number; failed: number; skipped: number }[];
      postsPerMinute: { minutes: { minute: string; posts: number }[]; budgetPerMinute: number };
    };
    expect(digest.dates).toEqual([
      expect.objectContaining({
        localDate: DAY,
        due: 100,
        posted: harness.day.posted,
        failed: harness.day.failed.length,
        skipped: harness.day.skipped,
      }),
    ]);
    expect(new Map(digest.postsPerMinute.minutes.map((m) => [m.minute, m.posts]))).toEqual(harness.day.postsPerMinute);
    expect(digest.postsPerMinute.budgetPerMinute).toBe(30);
    const page = await (await fetch(`${harness.url}/ops`)).text();
    expect(page).toContain(`<td>${DAY}</td><td>100</td><td>${harness.day.posted}</td>`);

    const failures = (await (await fetch(`${harness.url}/ops/failures.json`)).json()) as { code: string; count: number; fix: string }[];
    const slack = failures.find((f) => f.code === 'not_in_channel')!;
    expect(slack.count).toBe(harness.day.failed.filter((f) => f.reason === 'not_in_channel').length);
    expect(slack.fix).toMatch(/^invite the bot to #/);

    const subscriptions = (await (await fetch(`${harness.url}/ops/subscriptions.json?platform=discord&state=active`)).json()) as {
      rows: { platform: string; state: string }[];
      next: string | null;
    };
    expect(subscriptions.rows.length).toBe(40);
    expect(subscriptions.rows.every((r) => r.platform === 'discord' && r.state === 'active')).toBe(true);

    const changes = (await (await fetch(`${harness.url}/ops/changes.json`)).json()) as { channel: string; action: string }[];
    expect(changes.map((c) => c.action)).toEqual(['subscribed', 'paused']);
    expect(changes[0]!.channel).toBe(MARKUP_CHANNEL);
    expect((await fetch(`${harness.url}/ops/nosuch.json`)).status).toBe(404);
  });

  it('pages the subscriptions table and keeps the CSV safe for spreadsheets', async () => {
    await harness.store.upsertSubscription({
      platform: 'slack',
      workspace: 'T9',
      channel: '=HYPERLINK("x")',
      time: '09:00',
      timezone: 'UTC',
      postEmpty: false,
    });
    const first = (await (await fetch(`${harness.url}/ops/subscriptions.json`)).json()) as { rows: unknown[]; next: string };
    expect(first.rows).toHaveLength(100);
    const second = (await (await fetch(`${harness.url}/ops/subscriptions.json?after=${encodeURIComponent(first.next)}`)).json()) as {
      rows: unknown[];
      next: null;
    };
    expect(second.rows).toHaveLength(21);
    expect(second.next).toBeNull();
    const csv = await (await fetch(`${harness.url}/ops/subscriptions.csv?platform=slack`)).text();
    expect(csv).toContain(`slack,T9,"'=HYPERLINK(""x"")",09:00,UTC,active`);
  });

  it('shows the follows readout paused, with their reason as text, and the new readouts still waiting to be announced', async () => {
    const gone = { platform: 'slack', workspace: 'T1', channel: MARKUP_CHANNEL } as const;
    await harness.store.upsertFollow({ ...gone, filter: 'person:ruto', createdBy: 'U1' });
    await harness.store.upsertFollow({ platform: 'discord', workspace: 'G1', channel: 'D1', filter: '', createdBy: 'U2' });
    await harness.store.setFollowStatus(gone, 'paused', 'channel_not_found');
    const added = await harness.store.addDocument({
      id: 'web-0000000000aa',
      text: 'Readout.\n\nXi Jinping met William Ruto in Beijing.',
      sidecar: { title: 'Readout' },
      sourceUrl: null,
      canonicalUrl: null,
      contentHash: 'ops-page-follow-test',
      addedBy: 'cli:test',
    });
    const now = (await (await fetch(`${harness.url}/ops/now.json`)).json()) as { follows: Record<string, unknown> };
    expect(now.follows).toEqual({
      active: 1,
      paused: 1,
      pausedChannels: [{ ...gone, reason: 'channel_not_found' }],
      announcementsOpen: 1,
      oldestOpenDueAt: added.added ? added.document.addedAt : null,
    });
    const page = await (await fetch(`${harness.url}/ops`)).text();
    expect(page).toContain('1 active, 1 paused by readout; new readouts waiting to be announced: 1');
    expect(page).toContain('paused: slack T1 &lt;b&gt;#general&lt;/b&gt;&lt;script&gt;');
    expect(page).not.toContain(MARKUP_CHANNEL);
  });

  it('answers 503 for /ops until the services are ready', async () => {
    const readiness = createReadiness();
    const ops = await startOpsServer({
      port: 0,
      host: '127.0.0.1',
      exposure: 'private',
      readiness,
      metrics: createMetrics({ defaultMetrics: false }),
      logger: silentLogger,
    });
    try {
      expect((await fetch(`http://127.0.0.1:${ops.port}/ops`)).status).toBe(503);
    } finally {
      await ops.close();
    }
  });
});
