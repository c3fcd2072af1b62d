import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/commands/create-context.js';
import { dispatch } from '../../src/commands/dispatch.js';
import { commands } from '../../src/commands/registry.js';
import { slotKey } from '../../src/core/store/slot-key.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { seedServices } from '../fakes/seed-services.js';

describe('/digest status', () => {
  it('shows the newest three slots of a long history, oldest of them first', async () => {
    const services = await seedServices();
    const where = { platform: 'slack' as const, workspace: 'T1', channel: 'C1' };
    await services.store.upsertSubscription({ ...where, time: '09:00', timezone: 'UTC', postEmpty: false });
    for (let day = 1; day <= 9; day++) {
      const date = `2026-04-0${day}`;
      await services.store.claimSlot(where, date, 'p', 60_000);
      await services.store.finishSlot(slotKey(where, date), 1, { state: 'posted', messageId: `m${day}` });
    }
    const ctx = await createContext({ ...where, user: 'U1' }, services, { clock: new FakeClock('2026-04-10T00:00:00Z') });
    const reply = await dispatch(commands, { command: 'digest', text: 'status' }, ctx);
    const text = JSON.stringify(reply);
    expect(text).toContain('Recent: 2026-04-07: posted; 2026-04-08: posted; 2026-04-09: posted');
    expect(text).not.toContain('2026-04-01');
    await services.store.close();
  });

  it("knows when today's slot is already settled: the next digest is tomorrow's, in text and JSON", async () => {
    const services = await seedServices();
    const where = { platform: 'slack' as const, workspace: 'T1', channel: 'C2' };
    await services.store.upsertSubscription({ ...where, time: '23:00', timezone: 'UTC', postEmpty: false });
    const ctx = await createContext({ ...where, user: 'U1' }, services, { clock: new FakeClock('2026-04-10T12:00:00Z') });
    const status = async () => JSON.stringify(await dispatch(commands, { command: 'digest', text: 'status' }, ctx));
    expect(await status()).toContain('Next digest: 2026-04-10 23:00');
    // An operator's `digest run` posted today's already.
    const claim = await services.store.claimSlot(where, '2026-04-10', 'p', 60_000);
    await services.store.finishSlot(slotKey(where, '2026-04-10'), claim!.token, { state: 'posted', messageId: 'm10' });
    expect(await status()).toContain('Next digest: 2026-04-11 23:00');
    const digest = commands.find((command) => command.name === 'digest')!;
    const json = (await digest.json!(digest.options.parse({ action: 'status' }), ctx)) as {
      subscription: { nextRun: { localDate: string } };
    };
    expect(json.subscription.nextRun.localDate).toBe('2026-04-11');
    await services.store.close();
  });
});
