import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../../src/core/corpus/index.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Store } from '../../src/core/store/store-types.js';
import { createMetrics } from '../../src/ops/create-metrics.js';
import { createReadiness } from '../../src/ops/readiness.js';
import { type OpsServer, startOpsServer } from '../../src/ops/start-ops-server.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { type SeededDay, seedDayOfOutcomes } from '../fakes/seed-ops-store.js';

/** A file name that is markup: the page must show it as text. */
export const EVIL_FILE = '<img src=x onerror=alert(1)>.txt';

export interface OpsPageHarness {
  url: string;
  dir: string;
  store: Store;
  day: SeededDay;
  close(): Promise<void>;
}

/** The real ops server over a SQLite file seeded with a day of outcomes, and a corpus with a markup-named file it skipped. */
export async function startOpsPageHarness(options: {
  subscriptions: number;
  outcomes: number;
  exposure?: 'public' | 'private';
  pageToken?: string;
}): Promise<OpsPageHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'readout-ops-page-'));
  const seeds = join(dir, 'seeds');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(seeds);
  const bundled = resolve(import.meta.dirname, '../../seeds');
  copyFileSync(join(bundled, 'people.json'), join(seeds, 'people.json'));
  copyFileSync(join(bundled, '000_4428246b8b720a03.txt'), join(seeds, '000_4428246b8b720a03.txt'));
  writeFileSync(join(seeds, EVIL_FILE), '');
  const corpus = await loadCorpus(seeds);
  const clock = new FakeClock();
  const store = openSqliteStore(join(dir, 'readout.db'), clock);
  const day = await seedDayOfOutcomes(store, clock, options);
  const readiness = createReadiness();
  readiness.setCorpus({ loaded: true, documents: corpus.documents.length });
  readiness.addCheck('store', async () => ({ ok: true }));
  const ops: OpsServer = await startOpsServer({
    port: 0,
    host: '127.0.0.1',
    exposure: options.exposure ?? 'private',
    ...(options.pageToken ? { pageToken: options.pageToken } : {}),
    readiness,
    metrics: createMetrics({ defaultMetrics: false }),
    logger: silentLogger,
  });
  ops.servePage({
    store,
    readiness,
    clock,
    version: '0.0.0-test',
    storeKind: 'sqlite',
    startedAt: new Date(`2026-04-24T00:00:00Z`),
    corpus: () => ({ documents: corpus.documents.length, warnings: corpus.warnings, lastReload: null }),
    budgetPerMinute: () => 30,
  });
  return {
    url: `http://127.0.0.1:${ops.port}`,
    dir,
    store,
    day,
    close: async () => {
      await ops.close();
      await store.close();
    },
  };
}
