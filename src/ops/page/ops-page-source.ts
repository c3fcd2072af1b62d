import { readFileSync } from 'node:fs';
import { systemClock } from '../../core/clock.js';
import type { PostPacing } from '../../core/digest/digest-types.js';
import type { Corpus } from '../../core/document.js';
import type { LiveCorpus } from '../../core/live/create-live-corpus.js';
import type { Store } from '../../core/store/store-types.js';
import type { Readiness } from '../readiness.js';
import type { OpsPageSource } from './ops-page-types.js';

/** The package's version, read once from package.json (the same file in a checkout and in a built dist/). */
export function packageVersion(): string {
  try {
    return (
      (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'unknown'
    );
  } catch {
    return 'unknown';
  }
}

/** The running process's side of the operator page. */
export function opsPageSource(options: {
  store: Store;
  readiness: Readiness;
  databaseUrl: string;
  corpus: () => Corpus;
  live?: LiveCorpus | undefined;
  /** The posters' pacing, read at each request (adapters start after the page is set up). */
  pacing: () => readonly (PostPacing | undefined)[];
}): OpsPageSource {
  return {
    store: options.store,
    readiness: options.readiness,
    clock: systemClock,
    version: packageVersion(),
    storeKind: /^postgres(ql)?:/.test(options.databaseUrl) ? 'postgres' : 'sqlite',
    startedAt: new Date(),
    corpus: () => {
      const corpus = options.corpus();
      const last = options.live?.lastReload();
      const lastReload = !last ? null : last.kind === 'failed' ? `failed (${last.reason})` : `${last.kind}, ${last.documents} documents`;
      return { documents: corpus.documents.length, warnings: corpus.warnings, lastReload };
    },
    budgetPerMinute: () => {
      const shared = options.pacing().flatMap((pacing) => (pacing?.shared ? [pacing.shared.intervalMs] : []));
      return shared.length ? Math.round(shared.reduce((sum, intervalMs) => sum + 60_000 / intervalMs, 0)) : null;
    },
    // The heartbeats every `readout start` writes (src/ops/replica-heartbeat.ts).
    replicas: () => options.store.listReplicas({ seenWithinMs: 3_600_000 }),
  };
}
