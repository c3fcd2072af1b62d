import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKUP_CHANNEL } from '../fakes/seed-ops-store.js';
import { EVIL_FILE, type OpsPageHarness, startOpsPageHarness } from './ops-page-harness.js';

const SUBSCRIPTIONS = 400;
const OUTCOMES = 300;
/** Debian's Chromium from the PATH (.ci/run installs it); playwright-core downloads no browser. */
const CHROMIUM = execFileSync('sh', ['-c', 'command -v chromium || true'], { encoding: 'utf8' }).trim() || '/usr/bin/chromium';

describe('the operator page in a real browser', () => {
  let harness: OpsPageHarness;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    harness = await startOpsPageHarness({ subscriptions: SUBSCRIPTIONS, outcomes: OUTCOMES });
    context = await chromium.launchPersistentContext(mkdtempSync(join(harness.dir, 'chromium-profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // An alert would mean injected markup ran as script.
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const response = await page.goto(`${harness.url}/ops`);
    expect(response?.status()).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await harness?.close();
  });

  it('loads without console errors, and a person can look at it (screenshot)', async () => {
    expect(await page.locator('h1').textContent()).toBe('readout operations');
    // The stylesheet applied (CSP allows 'self' only): headings are not the browser's default size.
    expect(
      await page
        .locator('h2')
        .first()
        .evaluate(
          (h) =>
            (globalThis as unknown as { getComputedStyle(e: unknown): { borderBottomStyle: string } }).getComputedStyle(h)
              .borderBottomStyle,
        ),
    ).toBe('solid');
    const shot = join(harness.dir, 'ops-page.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    process.stdout.write(`operator page screenshot: ${shot}\n`);
    expect(problems).toEqual([]);
  });

  it('draws a bar per minute with posts, each as tall as its count, under the budget line', async () => {
    const bars = await page.locator('svg.chart rect.bar').evaluateAll((rects) =>
      rects.map((r) => ({
        minute: r.getAttribute('data-minute'),
        posts: Number(r.getAttribute('data-posts')),
        height: Number(r.getAttribute('height')),
      })),
    );
    expect(bars.length).toBe(harness.day.postsPerMinute.size);
    expect(new Map(bars.map((bar) => [bar.minute, bar.posts]))).toEqual(harness.day.postsPerMinute);
    const perPost = bars[0]!.height / bars[0]!.posts;
    for (const bar of bars) expect(bar.height).toBeCloseTo(bar.posts * perPost, 0);
    expect(await page.locator('svg.chart line.budget').count()).toBe(1);
  });

  it('shows each failure with its fix in the platform’s words', async () => {
    const slack = page.locator('tr.failure', { hasText: 'not_in_channel' });
    expect(await slack.locator('td.fix').textContent()).toBe(`not_in_channel: invite the bot to #${MARKUP_CHANNEL} (/invite @readout)`);
    const discord = page.locator('tr.failure', { hasText: 'Missing Access' });
    expect(await discord.locator('td.fix').textContent()).toMatch(/^Missing Access: give the bot View Channel and Send Messages in #/);
    expect(await page.locator('tr.failure', { hasText: 'channel_not_found' }).count()).toBe(1);
  });

  it('keeps injected markup as text: a seed file name and a channel name', async () => {
    expect(await page.locator('table.skipped td', { hasText: EVIL_FILE }).count()).toBe(1);
    expect(await page.getByText(MARKUP_CHANNEL, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('b, i').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('downloads the subscriptions as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.csv').click()]);
    const file = join(harness.dir, 'subscriptions.csv');
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('platform,workspace,channel,time,timezone,state,pausedReason,lastPosted,nextDue');
    expect(lines).toHaveLength(SUBSCRIPTIONS + 1);
    expect(lines.some((line) => line.includes(MARKUP_CHANNEL) && line.includes(',active,'))).toBe(true);
    expect(existsSync(file)).toBe(true);
  });

  it('filters subscriptions by platform and state, and explains a slot', async () => {
    await page.selectOption('select[name=platform] >> nth=0', 'discord');
    await page.selectOption('select[name=state]', 'paused');
    await Promise.all([page.waitForURL(/state=paused/), page.locator('#subscriptions button').click()]);
    const rows = await page.locator('table.subscriptions tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^discord.*paused/);

    await page.goto(`${harness.url}/ops#explain`);
    await page.locator('#explain select[name=platform]').selectOption('slack');
    await page.locator('#explain input[name=workspace]').fill('T1');
    await page.locator('#explain input[name=channel]').fill(MARKUP_CHANNEL);
    await page.locator('#explain input[name=date]').fill('2026-04-24');
    await Promise.all([page.waitForURL(/date=2026-04-24/), page.locator('#explain button').click()]);
    const stages = await page.locator('table.stages tbody tr').allTextContents();
    expect(stages).toEqual([
      expect.stringMatching(/^subscription activepassed/),
      expect.stringMatching(/^due time passedpassed/),
      expect.stringMatching(/^claimedpassedby replica-b/),
      expect.stringMatching(/^posted or recoveredfailedstate failed/),
      expect.stringMatching(/^empty-day rule/),
      expect.stringMatching(/^platform answerfailednot_in_channel/),
    ]);
    expect(problems).toEqual([]);
  });
});
