import { describe, expect, it } from 'vitest';
import type { DigestRunSummary } from '../../src/core/digest/run-digests-types.js';
import { createMetrics } from '../../src/ops/create-metrics.js';
import { withSlotTimes } from '../../src/ops/with-slot-times.js';

const slot = (outcome: DigestRunSummary['slots'][number]['outcome'], times: Record<string, string> = {}) => ({
  platform: 'slack' as const,
  workspace: 'T0SECRET',
  channel: 'C0SECRET',
  key: `slack:T0SECRET:C0SECRET:2026-11-30`,
  localDate: '2026-11-30',
  outcome,
  ...times,
});

describe('the metrics', () => {
  it('count digest slots by outcome and observe the delivery lag of posted ones, with no ids in labels', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.digestRun({
      startedAt: '2026-11-30T09:00:00Z',
      finishedAt: '2026-11-30T09:00:05Z',
      slots: [
        slot('posted', { dueAt: '2026-11-30T09:00:00.000Z', postedAt: '2026-11-30T09:00:42.000Z' }),
        { ...slot('retry_later'), reason: 'ratelimited' },
        slot('retry_later'),
      ],
    });
    metrics.rateLimited('slack');
    metrics.retried('discord');
    metrics.commandAcked({ command: 'lookup', platform: 'discord', seconds: 0.2 });
    const { body, contentType } = await metrics.scrape();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toMatch(/^readout_digest_slots_total\{outcome="posted"\} 1$/m);
    expect(body).toMatch(/^readout_digest_slots_total\{outcome="retry_later"\} 2$/m);
    expect(body).toMatch(/^readout_digest_delivery_lag_seconds_sum 42$/m);
    expect(body).toMatch(/^readout_digest_delivery_lag_seconds_bucket\{le="30"\} 0$/m);
    expect(body).toMatch(/^readout_digest_delivery_lag_seconds_bucket\{le="60"\} 1$/m);
    expect(body).toMatch(/^readout_platform_rate_limited_total\{platform="slack"\} 2$/m);
    expect(body).toMatch(/^readout_platform_retries_total\{platform="slack"\} 2$/m);
    expect(body).toMatch(/^readout_platform_retries_total\{platform="discord"\} 1$/m);
    expect(body).toMatch(/^readout_command_duration_seconds_count\{command="lookup",platform="discord",phase="ack"\} 1$/m);
    expect(body).not.toContain('SECRET');
  });
});

describe('delivery lag from the ledger', () => {
  it('reads due and posted times of posted slots the run did not time, and leaves the rest alone', async () => {
    const ledger = new Map([
      ['slack:T0SECRET:C0SECRET:2026-11-30', { dueAt: '2026-11-30T09:00:00.000Z', postedAt: '2026-11-30T09:02:00.000Z' }],
    ]);
    const store = {
      getSlot: async (key: string) => ledger.get(key) as never,
    };
    const summary = await withSlotTimes(
      { startedAt: '2026-11-30T09:02:00Z', finishedAt: '2026-11-30T09:02:01Z', slots: [slot('posted'), slot('retry_later')] },
      store,
    );
    expect(summary.slots[0]).toMatchObject({ dueAt: '2026-11-30T09:00:00.000Z', postedAt: '2026-11-30T09:02:00.000Z' });
    expect(summary.slots[1]).not.toHaveProperty('dueAt');
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.digestRun(summary);
    expect((await metrics.scrape()).body).toMatch(/^readout_digest_delivery_lag_seconds_sum 120$/m);
  });
});
