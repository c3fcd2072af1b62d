import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlackApi } from '../fakes/fake-slack-api.js';
import { SEEDS_DIR } from '../fakes/seed-services.js';
import { getUrl, postSigned, slashCommandBody } from '../fakes/slack-requests.js';

const SECRET = 'ops-test-signing-secret';
type Mode = 'slack-http' | 'slack-socket' | 'discord' | 'both';

interface Running {
  /** The public PORT: /slack/events and status-only /healthz and /readyz. */
  base: string;
  /** READOUT_OPS_PORT, when the test set it: details and /metrics. */
  ops: string;
  fakeSlack?: FakeSlackApi;
  fakeDiscord?: FakeDiscord;
  stop(): Promise<number>;
  exit: Promise<number>;
}

const running: Running[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) {
    await app.stop();
    await app.fakeSlack?.close();
    await app.fakeDiscord?.close();
  }
});

/** Runs the real composition root in one mode against the local fakes, with PORT=0. */
async function start(mode: Mode, options: { stopAtOnce?: boolean; opsPort?: boolean; token?: string } = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'readout-ops-'));
  const env: Record<string, string> = {
    READOUT_SEEDS: SEEDS_DIR,
    DATABASE_URL: `sqlite:${join(dir, 'readout.db')}`,
    READOUT_CACHE_DIR: join(dir, 'cache'),
    LOG_LEVEL: process.env['OPS_TEST_LOG'] ?? 'silent',
    PORT: '0',
    ...(options.opsPort === false ? {} : { READOUT_OPS_PORT: '0' }),
    ...(options.token ? { READOUT_OPS_TOKEN: options.token } : {}),
  };
  const app: Partial<Running> = {};
  if (mode !== 'discord') {
    app.fakeSlack = await FakeSlackApi.start();
    env['SLACK_BOT_TOKEN'] = 'xoxb-ops';
    env['SLACK_API_URL'] = app.fakeSlack.apiUrl;
    if (mode === 'slack-socket') {
      await app.fakeSlack.startSocket();
      env['SLACK_APP_TOKEN'] = 'xapp-ops';
    } else {
      env['SLACK_SIGNING_SECRET'] = SECRET;
    }
  }
  if (mode === 'discord' || mode === 'both') {
    app.fakeDiscord = await FakeDiscord.start();
    env['DISCORD_TOKEN'] = 'fake-token';
    env['DISCORD_APPLICATION_ID'] = app.fakeDiscord.applicationId;
    env['DISCORD_API_URL'] = app.fakeDiscord.apiUrl;
  }
  let requestStop: (reason: string) => void = () => {};
  const stop = new Promise<string>((resolve) => {
    requestStop = resolve;
  });
  if (options.stopAtOnce) requestStop('SIGTERM');
  let portKnown: (port: number, opsPort?: number) => void = () => {};
  const port = new Promise<[number, number | undefined]>((resolve) => {
    portKnown = (publicPort, opsPort) => resolve([publicPort, opsPort]);
  });
  app.exit = main([], { env, stop, onOpsListening: portKnown });
  app.exit.then(
    () => portKnown(-1),
    () => portKnown(-1),
  );
  const [publicPort, opsPort] = await port;
  app.base = `http://127.0.0.1:${publicPort}`;
  app.ops = `http://127.0.0.1:${opsPort ?? -1}`;
  app.stop = async () => {
    requestStop('test done');
    return app.exit!;
  };
  running.push(app as Running);
  return app as Running;
}

async function json(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await getUrl(url);
  return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition never held');
}

describe.each(['slack-http', 'slack-socket', 'discord', 'both'] as const)('ops endpoints in %s mode', (mode) => {
  it('serve /healthz, then /readyz once the store, the corpus and every adapter are up, and /metrics, on the ops port only', async () => {
    const app = await start(mode);
    const health = await json(`${app.ops}/healthz`);
    expect(health.status).toBe(200);
    expect(health.body['status']).toBe('ok');
    expect(await json(`${app.base}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });

    const ready = await until(
      () => json(`${app.ops}/readyz`),
      (answer) => answer.status === 200,
    );
    const checks = ready.body['checks'] as Record<string, { ok: boolean }>;
    const expected = [
      'corpus',
      'store',
      ...(mode === 'discord' ? [] : ['slack']),
      ...(mode === 'discord' || mode === 'both' ? ['discord'] : []),
    ];
    expect(Object.keys(checks).sort()).toEqual(expected.sort());
    expect(Object.values(checks).every((check) => check.ok)).toBe(true);

    expect(await json(`${app.base}/readyz`)).toEqual({ status: 200, body: { status: 'ready' } });
    expect((await getUrl(`${app.base}/metrics`)).status).toBe(404);
    const metrics = await getUrl(`${app.ops}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/^readout_corpus_documents 5$/m);
    expect(metrics.body).toMatch(/^process_cpu_user_seconds_total /m);
    expect(metrics.body).toContain('# TYPE readout_command_duration_seconds histogram');
    expect(metrics.body).toContain('# TYPE readout_digest_delivery_lag_seconds histogram');
    expect(await app.stop()).toBe(0);
  });
});

describe('ops endpoints', () => {
  it('without an ops port, show details and metrics on the public port only to READOUT_OPS_TOKEN', async () => {
    const token = 'ops-token-for-the-e2e-test-0123456789';
    const app = await start('slack-http', { opsPort: false, token });
    const ready = await until(
      () => getUrl(`${app.base}/readyz`, { authorization: `Bearer ${token}` }),
      (answer) => answer.status === 200,
    );
    expect(Object.keys((JSON.parse(ready.body) as { checks: object }).checks).sort()).toEqual(['corpus', 'slack', 'store']);
    expect(await json(`${app.base}/readyz`)).toEqual({ status: 200, body: { status: 'ready' } });
    expect((await getUrl(`${app.base}/metrics`)).status).toBe(404);
    expect((await getUrl(`${app.base}/metrics`, { authorization: `Bearer ${token}` })).body).toMatch(/^readout_corpus_documents 5$/m);
  });

  it('share the port with /slack/events in Slack HTTP mode and count a command without any id in the labels', async () => {
    const app = await start('slack-http');
    await until(
      () => json(`${app.base}/readyz`),
      (answer) => answer.status === 200,
    );
    const body = slashCommandBody({
      command: '/lookup',
      text: 'belt and road',
      responseUrl: app.fakeSlack!.responseUrl('ops-1'),
      triggerId: 'ops-trigger-1',
      team: 'T0SECRETTEAM',
      channel: 'C0SECRETCHAN',
      user: 'U0SECRETUSER',
    });
    expect((await postSigned(`${app.base}/slack/events`, body, { secret: SECRET })).status).toBe(200);
    await app.fakeSlack!.waitFor(() => app.fakeSlack!.responsesTo('ops-1').length === 1);
    const metrics = await until(
      () => getUrl(`${app.ops}/metrics`),
      (answer) => answer.body.includes('readout_commands_total{'),
    );
    expect(metrics.body).toMatch(/^readout_commands_total\{command="lookup",platform="slack",outcome="ok"\} 1$/m);
    expect(metrics.body).toMatch(/^readout_command_duration_seconds_count\{command="lookup",platform="slack",phase="answer"\} 1$/m);
    expect(metrics.body).toMatch(/^readout_command_duration_seconds_count\{command="lookup",platform="slack",phase="ack"\} 1$/m);
    expect(metrics.body).not.toMatch(/T0SECRETTEAM|C0SECRETCHAN|U0SECRETUSER/);
    expect((await getUrl(`${app.base}/nothing-here`)).status).toBe(404);
  });

  it('count a Discord command with its ack and answer latency', async () => {
    const app = await start('discord');
    await until(
      () => json(`${app.base}/readyz`),
      (answer) => answer.status === 200,
    );
    const sent = app.fakeDiscord!.chatInput('lookup', [{ name: 'query', value: 'belt and road' }]);
    await app.fakeDiscord!.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    const metrics = await until(
      () => getUrl(`${app.ops}/metrics`),
      (answer) => answer.body.includes('phase="ack"'),
    );
    expect(metrics.body).toMatch(/^readout_commands_total\{command="lookup",platform="discord",outcome="ok"\} 1$/m);
    expect(metrics.body).toMatch(/^readout_command_duration_seconds_count\{command="lookup",platform="discord",phase="ack"\} 1$/m);
  });

  it('exit with 1 when the Discord gateway closes for good, so a supervisor restarts the process', async () => {
    const app = await start('discord');
    await until(
      () => json(`${app.base}/readyz`),
      (answer) => answer.status === 200,
    );
    app.fakeDiscord!.closeGateway(4004);
    expect(await app.exit).toBe(1);
  });

  it('exit 0 after cleaning up when SIGTERM arrives during start-up, before any platform is connected', async () => {
    const app = await start('both', { stopAtOnce: true });
    expect(await app.exit).toBe(0);
    expect(app.fakeDiscord!.identifies).toHaveLength(0);
    expect(app.fakeSlack!.callsOf('auth.test')).toHaveLength(0);
    await expect(getUrl(`${app.base}/healthz`)).rejects.toThrow(/ECONNREFUSED/);
  });
});
