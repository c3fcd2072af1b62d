import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestAccess, Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { dispatch } from '../../src/commands/dispatch.js';
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
const manager: DigestAccess = { checkManager: async () => undefined };
const member: DigestAccess = { checkManager: async () => 'Only members who can manage this channel may change its digest.' };
const here = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;
const readout = async (user: string, text: string, digestAccess: DigestAccess = member) =>
  dispatchPlatform(commands, { name: 'readout', text }, await createContext({ ...here, user }, services, { clock, digestAccess }));

describe('/readout follow and /readout unfollow', () => {
  it('are refused to a member who may not change the channel’s digest, and change nothing', async () => {
    expect(await readout('USOMEONE', 'follow person:ruto')).toMatchObject({
      isError: true,
      fallback: 'Only members who can manage this channel may change its digest.',
    });
    expect(await services.store.listFollows()).toEqual([]);
    expect(await readout('USOMEONE', 'unfollow')).toMatchObject({ isError: true });
  });

  it('follow, replace, check the filters as /lookup does, list in /digest list, and unfollow', async () => {
    expect(await readout('UMANAGER', 'follow person:ruto', manager)).toMatchObject({
      visibility: 'public',
      fallback: 'Following: this channel is told about every new readout that matches person:ruto. /readout unfollow stops it.',
    });
    expect(await services.store.getFollow(here)).toMatchObject({ filter: 'person:ruto', createdBy: 'UMANAGER' });
    // An operator may change any channel's follow, whatever the platform's roles say.
    expect((await readout('UOPERATOR', 'follow country:kazakhstan   trade')).fallback).toBe(
      'Updated: this channel is told about every new readout that matches country:kazakhstan trade. /readout unfollow stops it.',
    );
    expect(await services.store.getFollow(here)).toMatchObject({ filter: 'country:kazakhstan trade', createdBy: 'UOPERATOR' });
    // A filter /lookup would refuse is refused here too, with its answer, and the follow is left as it was.
    const typo = await readout('UOPERATOR', 'follow persn:ruto');
    expect(typo).toMatchObject({ isError: true, fallback: expect.stringMatching(/persn/) });
    expect((await services.store.getFollow(here))?.filter).toBe('country:kazakhstan trade');

    const list = await dispatch(
      commands,
      { command: 'digest', text: 'list' },
      await createContext({ ...here, user: 'UMANAGER' }, services, { clock, digestAccess: manager }),
    );
    expect(list.fallback).toMatch(/Channels told about new readouts: 1/);
    expect(JSON.stringify(list.blocks)).toContain('follows country:kazakhstan trade');

    expect((await readout('UOPERATOR', 'follow')).fallback).toBe(
      'Updated: this channel is told about every new readout. /readout unfollow stops it.',
    );
    expect(await readout('UMANAGER', 'unfollow', manager)).toMatchObject({
      visibility: 'public',
      fallback: 'Unfollowed: this channel is no longer told about new readouts.',
    });
    expect(await services.store.listFollows()).toEqual([]);
    expect(await readout('UMANAGER', 'unfollow', manager)).toMatchObject({
      isError: true,
      fallback: expect.stringMatching(/follows no readouts/),
    });
  });
});
