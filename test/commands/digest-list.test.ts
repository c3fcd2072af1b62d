import { describe, expect, it } from 'vitest';
import type { DigestAccess, Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { LIST_PAGE } from '../../src/commands/digest-command.js';
import { dispatch } from '../../src/commands/dispatch.js';
import { commands } from '../../src/commands/registry.js';
import type { Reply } from '../../src/core/reply.js';
import { openStore } from '../../src/store/index.js';
import { digestOnlyServices } from '../fakes/digest-only-services.js';
import { FakeClock } from '../fakes/fake-clock.js';

const clock = new FakeClock('2026-06-17T03:00:00Z');
const manager: DigestAccess = { checkManager: async () => undefined };
const member: DigestAccess = { checkManager: async () => 'managers only' };

async function servicesWith(subscriptions: { platform: 'slack' | 'discord'; workspace: string; channel: string }[]): Promise<Services> {
  const store = await openStore('sqlite::memory:', { clock });
  await store.importSubscriptions(subscriptions.map((ref) => ({ ...ref, time: '09:00', timezone: 'UTC', postEmpty: false })));
  return digestOnlyServices(store);
}

async function list(services: Services, access: DigestAccess, text = 'list', where = { workspace: 'T1', channel: 'C005' }): Promise<Reply> {
  const ctx = await createContext({ platform: 'slack', ...where, user: 'U1' }, services, { clock, digestAccess: access });
  return dispatch(commands, { command: 'digest', text }, ctx);
}

const channels = (count: number, workspace: string, platform: 'slack' | 'discord' = 'slack') =>
  Array.from({ length: count }, (_, i) => ({ platform, workspace, channel: `C${String(i).padStart(3, '0')}` }));

describe('/digest list', () => {
  it("shows the asker's workspace only, a page at a time, with a More button that carries the next offset", async () => {
    const services = await servicesWith([
      ...channels(45, 'T1'),
      ...channels(5, 'T0'),
      ...channels(5, 'T9'),
      ...channels(5, 'T1', 'discord'),
    ]);
    const first = await list(services, manager);
    const text = JSON.stringify(first.blocks);
    expect(first.fallback).toBe(`Digest subscriptions 1–${LIST_PAGE}`);
    expect(text.match(/C0\d\d/g)).toHaveLength(LIST_PAGE);
    expect(text).toContain('C005 (this channel)');
    expect(first.buttons).toEqual([
      expect.objectContaining({ id: 'more', action: { command: 'digest', args: `list --offset ${LIST_PAGE}` } }),
    ]);
    const third = await list(services, manager, `list --offset ${2 * LIST_PAGE}`);
    expect(third.fallback).toBe(`Digest subscriptions ${2 * LIST_PAGE + 1}–45`);
    expect(JSON.stringify(third.blocks).match(/C0\d\d/g)).toEqual(['C040', 'C041', 'C042', 'C043', 'C044']);
    expect(third.buttons).toEqual([]);
    expect((await list(services, manager, 'list --offset 45')).fallback).toContain('No digest subscriptions after the first 45');
  });

  it('names other channels only to those who may change digests', async () => {
    const services = await servicesWith(channels(8, 'T1'));
    const seen = JSON.stringify((await list(services, member)).blocks);
    expect(seen).toContain('C005 (this channel)');
    expect(seen.match(/C0\d\d/g)).toEqual(['C005']);
    expect(seen).toContain('another channel');
    expect(seen).toContain('Other channels are named only to those who may change digests.');
    expect(JSON.stringify((await list(services, manager)).blocks).match(/C0\d\d/g)).toHaveLength(8);
  });

  it('says so when the workspace has none, even when other workspaces do', async () => {
    const services = await servicesWith(channels(3, 'T0'));
    expect((await list(services, manager)).fallback).toBe('No digest subscriptions yet.');
  });
});
