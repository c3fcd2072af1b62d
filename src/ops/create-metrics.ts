import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DigestRunSummary } from '../core/digest/run-digests-types.js';
import type { Metrics } from '../core/metrics.js';
import type { DigestHealth } from './digest-liveness.js';

export interface AppMetrics extends Metrics {
  /** Records one digest run: every slot's outcome, and the delivery lag of the posted ones. */
  digestRun(summary: DigestRunSummary): void;
  /** Reads the digest scheduler's liveness at every scrape (`now` is its clock): last run finished, and a run in flight. */
  watchDigest(health: () => DigestHealth, now?: () => Date): void;
  /** Records the corpus now served and how long loading (or reloading) it took. */
  corpusLoaded(event: { documents: number; seconds: number }): void;
  /** The Prometheus text exposition of everything above plus Node's process metrics. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

const LATENCY_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30];
const LAG_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 900, 1800, 3600, 6 * 3600];

/**
 * The process's Prometheus metrics, in a registry of its own (tests create several). Labels are
 * command names, platforms, outcomes and phases: bounded sets, never channel, guild, user or workspace ids.
 */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): AppMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const commands = new Counter({
    name: 'readout_commands_total',
    help: 'Commands answered, by command, platform and outcome (ok, user_error, error).',
    labelNames: ['command', 'platform', 'outcome'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'readout_command_duration_seconds',
    help: 'Command latency: phase "ack" until the platform was acknowledged, "answer" until the full answer was ready.',
    labelNames: ['command', 'platform', 'phase'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const slots = new Counter({
    name: 'readout_digest_slots_total',
    help: 'Digest slots handled by the scheduler, by outcome (posted, retry_later, failed, ...).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const lag = new Histogram({
    name: 'readout_digest_delivery_lag_seconds',
    help: 'How long after its due time a digest was posted.',
    buckets: LAG_BUCKETS,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'readout_platform_rate_limited_total',
    help: 'HTTP 429 answers from a platform.',
    labelNames: ['platform'],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'readout_platform_retries_total',
    help: 'Calls to a platform that were retried.',
    labelNames: ['platform'],
    registers: [registry],
  });
  const documents = new Gauge({ name: 'readout_corpus_documents', help: 'Documents in the served corpus.', registers: [registry] });
  const loadSeconds = new Gauge({
    name: 'readout_corpus_load_seconds',
    help: 'How long the last corpus load or reload took.',
    registers: [registry],
  });

  let digestHealth: { read: () => DigestHealth; now: () => Date } | undefined;
  new Gauge({
    name: 'readout_digest_last_run_finished_timestamp_seconds',
    help: 'When the last digest run of this process finished (Unix seconds); alert when it falls minutes behind.',
    registers: [registry],
    collect() {
      const last = digestHealth?.read().lastFinishedAt;
      if (last) this.set(last.getTime() / 1000);
    },
  });
  new Gauge({
    name: 'readout_digest_run_in_flight_seconds',
    help: 'How long the digest run in flight has been going (0 when none is): a stuck run keeps growing.',
    registers: [registry],
    collect() {
      if (!digestHealth) return;
      const since = digestHealth.read().inFlightSince;
      this.set(since ? Math.max(0, (digestHealth.now().getTime() - since.getTime()) / 1000) : 0);
    },
  });

  return {
    watchDigest(read, now = () => new Date()) {
      digestHealth = { read, now };
    },
    commandFinished({ command, platform, outcome, seconds }) {
      commands.inc({ command, platform, outcome });
      latency.observe({ command, platform, phase: 'answer' }, seconds);
    },
    commandAcked({ command, platform, seconds }) {
      latency.observe({ command, platform, phase: 'ack' }, seconds);
    },
    rateLimited: (platform) => rateLimited.inc({ platform }),
    retried: (platform) => retries.inc({ platform }),
    digestRun(summary) {
      for (const slot of summary.slots) {
        slots.inc({ outcome: slot.outcome });
        // The digest posters have clients of their own, without SDK retries: their 429s and retries show here.
        if (/429|rate_?limit/i.test(slot.reason ?? '')) rateLimited.inc({ platform: slot.platform });
        if (slot.outcome === 'retry_later') retries.inc({ platform: slot.platform });
        const lagSeconds = deliveryLagSeconds(slot);
        if (lagSeconds !== undefined) lag.observe(lagSeconds);
      }
    },
    corpusLoaded(event) {
      documents.set(event.documents);
      loadSeconds.set(event.seconds);
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** Posted minus due, when both times are known. */
function deliveryLagSeconds(slot: DigestRunSummary['slots'][number]): number | undefined {
  if (slot.outcome !== 'posted' || !slot.dueAt || !slot.postedAt) return undefined;
  const lag = (Date.parse(slot.postedAt) - Date.parse(slot.dueAt)) / 1000;
  return Number.isFinite(lag) ? Math.max(0, lag) : undefined;
}
