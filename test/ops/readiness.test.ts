import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.js';
import { createMetrics } from '../../src/ops/create-metrics.js';
import { type DigestHealth, digestLiveness } from '../../src/ops/digest-liveness.js';
import { opsPortFor } from '../../src/ops/ops-port.js';
import { createReadiness } from '../../src/ops/readiness.js';
import { startOpsServer } from '../../src/ops/start-ops-server.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { getUrl } from '../fakes/slack-requests.js';

describe('readiness', () => {
  it('is not ready until the corpus is loaded, and says why', async () => {
    const readiness = createReadiness();
    readiness.addCheck('store', () => ({ ok: true }));
    expect(await readiness.report()).toMatchObject({ ready: false, checks: { corpus: { ok: false, detail: 'loading' } } });
    readiness.setCorpus({ loaded: true, documents: 5 });
    expect(await readiness.report()).toMatchObject({ ready: true, checks: { corpus: { ok: true, detail: '5 documents' } } });
  });

  it.each([
    ['throws', () => Promise.reject(new Error('database is locked')), 'database is locked'],
    ['never answers', () => new Promise<never>(() => {}), 'no answer within 20 ms'],
    ['reports a part down', () => ({ ok: false, detail: 'starting' }), 'starting'],
  ])('is not ready when a check %s', async (_name, check, detail) => {
    const readiness = createReadiness({ timeoutMs: 20 });
    readiness.setCorpus({ loaded: true, documents: 1 });
    readiness.addCheck('store', check);
    expect(await readiness.report()).toMatchObject({ ready: false, checks: { store: { ok: false, detail } } });
  });
});

describe('the ops server', () => {
  it('answers /healthz 503 once a part has failed for good, and /readyz 503 with every check', async () => {
    const readiness = createReadiness();
    readiness.setCorpus({ loaded: true, documents: 5 });
    readiness.addCheck('discord', () => ({ ok: true, detail: 'running' }));
    const server = await startOpsServer({
      port: 0,
      exposure: 'private',
      readiness,
      metrics: createMetrics({ defaultMetrics: false }),
      logger: silentLogger,
    });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await getUrl(`${base}/healthz`)).status).toBe(200);
      expect((await getUrl(`${base}/readyz`)).status).toBe(200);
      readiness.fail('the Discord gateway closed for good (code 4004)');
      const health = await getUrl(`${base}/healthz`);
      expect(health.status).toBe(503);
      expect(JSON.parse(health.body)).toMatchObject({ status: 'failing', reason: expect.stringContaining('4004') });
      const ready = await getUrl(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body)).toMatchObject({ status: 'not_ready', checks: { discord: { ok: true }, process: { ok: false } } });
    } finally {
      await server.close();
    }
  });

  it('answers /healthz 503 for a stuck digest run and shows it on /metrics, while /readyz names the database that is down', async () => {
    const clock = new FakeClock('2026-04-24T04:00:00Z');
    const health: DigestHealth = { startedAt: clock.now(), lastFinishedAt: clock.now(), runDeadlineMs: 300_000, leaseMs: 300_000 };
    const readiness = createReadiness({ timeoutMs: 20 });
    readiness.setCorpus({ loaded: true, documents: 5 });
    readiness.addCheck('store', () => Promise.reject(new Error('Query read timeout')));
    readiness.addLivenessCheck('digest', () => digestLiveness(health, clock.now()));
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.watchDigest(
      () => health,
      () => clock.now(),
    );
    const server = await startOpsServer({ port: 0, exposure: 'private', readiness, metrics, logger: silentLogger });
    const open = await startOpsServer({ port: 0, exposure: 'public', readiness, metrics, logger: silentLogger });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await getUrl(`${base}/healthz`)).status).toBe(200);
      const ready = await getUrl(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body)).toMatchObject({
        checks: { store: { ok: false, detail: 'Query read timeout' }, corpus: { ok: true } },
      });
      health.inFlightSince = clock.now();
      clock.advanceMinutes(7);
      const stuck = await getUrl(`${base}/healthz`);
      expect(stuck.status).toBe(503);
      expect(JSON.parse(stuck.body)).toMatchObject({
        status: 'stuck',
        reason: 'digest: a digest run has been in flight for 420 s (limit 360 s)',
      });
      // The public port says only the status, and fails liveness the same way.
      const publicStuck = await getUrl(`http://127.0.0.1:${open.port}/healthz`);
      expect(publicStuck.status).toBe(503);
      expect(JSON.parse(publicStuck.body)).toEqual({ status: 'stuck' });
      const scraped = (await getUrl(`${base}/metrics`)).body;
      expect(scraped).toContain(`readout_digest_last_run_finished_timestamp_seconds ${Date.parse('2026-04-24T04:00:00Z') / 1000}`);
      expect(scraped).toContain('readout_digest_run_in_flight_seconds 420');
      delete health.inFlightSince;
      health.lastFinishedAt = clock.now();
      expect((await getUrl(`${base}/healthz`)).status).toBe(200);
      expect((await getUrl(`${base}/metrics`)).body).toContain('readout_digest_run_in_flight_seconds 0');
      expect((await getUrl(`http://127.0.0.1:${open.port}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
      await open.close();
    }
  });

  it('says in words when the port is taken', async () => {
    const readiness = createReadiness();
    const metrics = createMetrics({ defaultMetrics: false });
    const first = await startOpsServer({ port: 0, exposure: 'public', readiness, metrics, logger: silentLogger });
    try {
      await expect(startOpsServer({ port: first.port, exposure: 'public', readiness, metrics, logger: silentLogger })).rejects.toThrow(
        `port ${first.port} is already in use: stop what listens there, or set PORT`,
      );
      await expect(
        startOpsServer({ port: first.port, portName: 'READOUT_OPS_PORT', exposure: 'private', readiness, metrics, logger: silentLogger }),
      ).rejects.toThrow('or set READOUT_OPS_PORT to a free port');
    } finally {
      await first.close();
    }
  });
});

describe('the public port', () => {
  const TOKEN = 'a-token-of-32-characters-or-so!!';

  async function withPublicServer(token: string | undefined, test: (base: string) => Promise<void>): Promise<void> {
    const readiness = createReadiness();
    readiness.setCorpus({ loaded: true, documents: 5 });
    readiness.addCheck('store', () => ({ ok: false, detail: 'connect ECONNREFUSED db.internal.example:5432' }));
    const server = await startOpsServer({
      port: 0,
      exposure: 'public',
      token,
      readiness,
      metrics: createMetrics({ defaultMetrics: false }),
      logger: silentLogger,
    });
    try {
      await test(`http://127.0.0.1:${server.port}`);
    } finally {
      await server.close();
    }
  }

  it('says only its status: no checks, no store error, no uptime, no metrics', async () => {
    await withPublicServer(TOKEN, async (base) => {
      const health = await getUrl(`${base}/healthz`);
      expect([health.status, JSON.parse(health.body)]).toEqual([200, { status: 'ok' }]);
      const ready = await getUrl(`${base}/readyz`);
      expect([ready.status, JSON.parse(ready.body)]).toEqual([503, { status: 'not_ready' }]);
      expect((await getUrl(`${base}/metrics`)).status).toBe(404);
      for (const wrong of ['Bearer wrong-token', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
        const answer = await getUrl(`${base}/readyz`, { authorization: wrong });
        expect(answer.body).not.toContain('db.internal');
        expect((await getUrl(`${base}/metrics`, { authorization: wrong })).status).toBe(404);
      }
    });
  });

  it('shows details and metrics to READOUT_OPS_TOKEN as a bearer token', async () => {
    await withPublicServer(TOKEN, async (base) => {
      const ready = await getUrl(`${base}/readyz`, { authorization: `Bearer ${TOKEN}` });
      expect(JSON.parse(ready.body)).toMatchObject({
        status: 'not_ready',
        checks: { store: { ok: false, detail: expect.stringContaining('db.internal') } },
      });
      const metrics = await getUrl(`${base}/metrics`, { authorization: `Bearer ${TOKEN}` });
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain('readout_corpus_documents');
    });
  });

  it('shows nothing more to anyone when no token is set', async () => {
    await withPublicServer(undefined, async (base) => {
      expect((await getUrl(`${base}/metrics`, { authorization: 'Bearer ' })).status).toBe(404);
      expect(JSON.parse((await getUrl(`${base}/readyz`, { authorization: 'Bearer undefined' })).body)).toEqual({ status: 'not_ready' });
    });
  });
});

describe('the ops port', () => {
  it.each([
    [3000, undefined, 3000],
    [3000, '0', 3001],
    [3000, '3', 3004],
    [3000, '2,3', 3003],
    [0, '2', 0],
    [3000, 'nonsense', 3000],
  ])('PORT=%s with SHARDS=%s listens on %s', (port, shards, expected) => {
    expect(opsPortFor(port, shards)).toBe(expected);
  });
});
