import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { dispatch } from '../../src/commands/dispatch.js';
import { commands } from '../../src/commands/registry.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { seedServices } from '../fakes/seed-services.js';

let services: Services;
beforeAll(async () => {
  services = await seedServices();
});
afterAll(() => services.store.close());

async function digest(text: string, user = 'ana'): Promise<void> {
  const ctx = await createContext({ platform: 'console', workspace: 'local', channel: 'ops-room', user }, services, {
    clock: new FakeClock('2026-04-24T08:00:00Z'),
  });
  const reply = await dispatch(commands, { command: 'digest', text }, ctx);
  expect(reply.isError, reply.fallback).toBeFalsy();
}

describe('the change log written by /digest', () => {
  it('records who subscribed, changed the time, paused, resumed and unsubscribed, through which surface', async () => {
    await digest('subscribe 09:00 Europe/London');
    await digest('subscribe 09:00 Europe/London', 'bob');
    await digest('subscribe 10:30 Europe/London', 'bob');
    await digest('pause');
    await digest('pause');
    await digest('resume', 'bob');
    await digest('unsubscribe');
    const changes = await services.store.listChanges({ platform: 'console', workspace: 'local', channel: 'ops-room' });
    expect(changes.reverse().map((c) => [c.action, c.actor, c.surface, c.detail])).toEqual([
      ['subscribed', 'ana', 'console', '09:00 Europe/London'],
      ['changed', 'bob', 'console', '09:00 Europe/London → 10:30 Europe/London'],
      ['paused', 'ana', 'console', null],
      ['resumed', 'bob', 'console', null],
      ['unsubscribed', 'ana', 'console', null],
    ]);
  });
});
