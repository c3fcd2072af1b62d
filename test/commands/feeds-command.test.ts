import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { dispatchPlatform } from '../../src/commands/platform-commands.js';
import { commands } from '../../src/commands/registry.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { seedServices } from '../fakes/seed-services.js';

let services: Services;
beforeAll(async () => {
  services = await seedServices();
  services.operators = ['UOPERATOR'];
});
afterAll(async () => {
  await services.store.close();
});

const clock = new FakeClock('2026-04-24T06:00:00Z');
const readout = async (user: string, text: string, platform: 'slack' | 'console' = 'slack') =>
  dispatchPlatform(
    commands,
    { name: 'readout', text },
    await createContext({ platform, workspace: 'T1', channel: 'C1', user }, services, { clock }),
  );

describe('/readout feeds', () => {
  it('is for operators only', async () => {
    const reply = await readout('USOMEONE', 'feeds add https://feeds.example/rss.xml');
    expect(reply).toMatchObject({ isError: true, fallback: expect.stringMatching(/Only operators may run `\/readout feeds`/) });
    expect(await services.store.listFeeds()).toEqual([]);
  });

  it('adds, lists, re-enables and removes a feed, with a clear answer for each mistake', async () => {
    expect((await readout('UOPERATOR', 'feeds')).fallback).toMatch(/No feeds are polled/);
    expect((await readout('UOPERATOR', 'feeds add <https://feeds.example/rss.xml> --backfill 2')).fallback).toBe(
      'Following the feed https://feeds.example/rss.xml: its first poll, within a minute, records what is there and adds the newest 2; new items are added after that, every 30 minutes.',
    );
    expect(await services.store.getFeed('https://feeds.example/rss.xml')).toMatchObject({
      backfill: 2,
      addedBy: 'slack:UOPERATOR',
      nextPollAt: '2026-04-24T06:00:00.000Z',
    });
    expect((await readout('UOPERATOR', 'feeds add https://feeds.example/rss.xml')).fallback).toMatch(/is enabled again/);
    expect((await readout('UOPERATOR', 'feeds list')).fallback).toBe('https://feeds.example/rss.xml: active');
    expect(await readout('UOPERATOR', 'feeds add http://127.0.0.1:8080/rss')).toMatchObject({
      isError: true,
      fallback: expect.stringMatching(/loopback or private/),
    });
    expect(await readout('UOPERATOR', 'feeds add ftp://feeds.example/rss')).toMatchObject({
      isError: true,
      fallback: expect.stringMatching(/not an http/),
    });
    expect(await readout('UOPERATOR', 'feeds remove')).toMatchObject({
      isError: true,
      fallback: expect.stringMatching(/needs the feed's address/),
    });
    expect(await readout('UOPERATOR', 'feeds pause https://feeds.example/rss.xml')).toMatchObject({ isError: true });
    expect((await readout('UOPERATOR', 'feeds remove https://feeds.example/rss.xml')).fallback).toMatch(/^Stopped polling/);
    expect(await readout('UOPERATOR', 'feeds remove https://feeds.example/rss.xml')).toMatchObject({
      isError: true,
      fallback: expect.stringMatching(/No feed/),
    });
  });

  it('shows a disabled feed with the reason it was disabled', async () => {
    await services.store.addFeed({ url: 'https://broken.example/rss', addedBy: 'cli:test', backfill: 0, nextPollAt: new Date(0) });
    const [feed] = await services.store.claimDueFeeds('me', 60_000, 1);
    await services.store.finishFeedPoll(feed!.url, 'me', {
      ok: false,
      error: 'broken.example answered HTTP 500.',
      nextPollAt: new Date(0),
      disableAfter: 1,
    });
    expect((await readout('UOPERATOR', 'feeds')).fallback).toBe(
      'https://broken.example/rss: disabled after repeated failures: broken.example answered HTTP 500. (`/readout feeds add` enables it again)',
    );
  });
});
