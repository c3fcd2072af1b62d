import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { dispatch } from '../../src/commands/dispatch.js';
import { commands } from '../../src/commands/registry.js';
import type { Metrics } from '../../src/core/metrics.js';
import { seedServices } from '../fakes/seed-services.js';

let services: Services;
beforeAll(async () => {
  services = await seedServices();
});
afterAll(async () => {
  await services.store.close();
});

/** Metrics that remember what they were told. */
function recordingMetrics(): Metrics & { finished: { command: string; platform: string; outcome: string }[] } {
  const finished: { command: string; platform: string; outcome: string }[] = [];
  return {
    finished,
    commandFinished: ({ command, platform, outcome }) => finished.push({ command, platform, outcome }),
    commandAcked: () => {},
    rateLimited: () => {},
    retried: () => {},
  };
}

describe('dispatch reports to the metrics port', () => {
  it('counts each answer by command, platform and outcome, and a typed name nobody declared as unknown', async () => {
    const metrics = recordingMetrics();
    const withMetrics = { ...services, metrics };
    const ctx = await createContext({ platform: 'slack', workspace: 'T1', channel: 'C1', user: 'U1' }, withMetrics);
    await dispatch(commands, { command: 'lookup', text: 'belt and road' }, ctx);
    await dispatch(commands, { command: 'lookup', text: 'belt --limit 500' }, ctx);
    await dispatch(commands, { command: 'x9f3-some-user-typed-name', text: '' }, ctx);
    expect(metrics.finished).toEqual([
      { command: 'lookup', platform: 'slack', outcome: 'ok' },
      { command: 'lookup', platform: 'slack', outcome: 'user_error' },
      { command: 'unknown', platform: 'slack', outcome: 'user_error' },
    ]);
  });
});
