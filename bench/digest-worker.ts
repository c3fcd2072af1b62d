// One digest process of the two-process benchmark: forked by digest-bench.ts, it opens the store, then on
// each `tick` message runs the engine at that simulated instant and answers with what it did.
import { openStore } from '../src/store/open-store.js';
import { benchPoster, benchServices } from './digest-bench-env.js';
import { measuredTick, ShiftedClock } from './digest-run-day.js';

interface Init {
  databaseUrl: string;
  platformUrl: string;
  platform: 'slack' | 'discord';
  start: string;
  owner: string;
}

const init = await new Promise<Init>((resolve) => process.once('message', (message) => resolve(message as Init)));
const clock = new ShiftedClock(new Date(init.start));
const services = await benchServices();
const store = await openStore(init.databaseUrl, { clock });
const poster = benchPoster(init.platform, init.platformUrl, clock);
process.send?.({ ready: true });
process.on('message', async (message: { tick?: string; close?: boolean }) => {
  if (message.close) {
    await store.close();
    poster.close?.();
    await services.store.close();
    process.send?.({ closed: true }, () => process.exit(0));
    return;
  }
  if (!message.tick) return;
  clock.jumpTo(new Date(message.tick));
  const stats = await measuredTick({
    store,
    posters: [poster],
    corpus: services.corpus,
    clock,
    owner: init.owner,
  });
  process.send?.({ ...stats, lateMs: [] });
});
