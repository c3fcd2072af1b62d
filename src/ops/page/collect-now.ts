import { collectFollows } from './collect-follows.js';
import type { OpsPageSource } from './ops-page-types.js';

/** Version, uptime, store, replicas, readiness of each part, the corpus and the follows of new readouts. */
export async function collectNow(source: OpsPageSource) {
  const report = await source.readiness.report();
  const corpus = source.corpus();
  const hourAgo = source.clock.now().getTime() - 3_600_000;
  const replicas = source.replicas ? (await source.replicas()).filter((r) => Date.parse(r.lastSeenAt) >= hourAgo) : null;
  return {
    version: source.version,
    uptimeSeconds: Math.max(0, Math.round((source.clock.now().getTime() - source.startedAt.getTime()) / 1000)),
    store: source.storeKind,
    replicas,
    ready: report.ready,
    checks: Object.entries(report.checks).map(([name, check]) => ({ name, ok: check.ok, detail: check.detail ?? null })),
    corpus: {
      documents: corpus.documents,
      lastReload: corpus.lastReload,
      skipped: corpus.warnings.map((warning) => ({ file: warning.file, reason: warning.reason })),
    },
    follows: await collectFollows(source.store),
  };
}
