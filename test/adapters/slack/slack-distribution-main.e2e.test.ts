import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/main.js';
import { openStore } from '../../../src/store/index.js';
import { FakeSlackApi } from '../../fakes/fake-slack-api.js';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET } from '../../fakes/fake-slack-oauth.js';
import { SEEDS_DIR } from '../../fakes/seed-services.js';

describe('readout start in Slack distribution mode', () => {
  let fake: FakeSlackApi;
  let base: string;
  let stop: (reason: string) => void = () => {};
  let exit: Promise<number>;
  let databaseUrl: string;

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    const dir = mkdtempSync(join(tmpdir(), 'readout-distribution-main-'));
    databaseUrl = `sqlite:${join(dir, 'readout.db')}`;
    const env = {
      READOUT_SEEDS: SEEDS_DIR,
      DATABASE_URL: databaseUrl,
      READOUT_CACHE_DIR: join(dir, 'cache'),
      LOG_LEVEL: 'silent',
      PORT: '0',
      SLACK_CLIENT_ID: FAKE_CLIENT_ID,
      SLACK_CLIENT_SECRET: FAKE_CLIENT_SECRET,
      SLACK_STATE_SECRET: 'state-secret',
      SLACK_SIGNING_SECRET: 'signing-secret',
      SLACK_API_URL: fake.apiUrl,
      READOUT_TOKEN_KEY: randomBytes(32).toString('hex'),
    };
    const stopped = new Promise<string>((resolve) => {
      stop = resolve;
    });
    const port = new Promise<number>((resolve) => {
      exit = main([], { env, stop: stopped, onOpsListening: resolve });
    });
    base = `http://127.0.0.1:${await port}`;
    for (let i = 0; i < 200 && (await fetch(`${base}/readyz`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 50));
  });

  afterAll(async () => {
    stop('test done');
    expect(await exit).toBe(0);
    await fake.close();
  });

  it('serves the install flow on PORT and stores the workspace sealed; /readyz shows no token', async () => {
    const page = await fetch(`${base}/slack/install`);
    const html = await page.text();
    expect(html).toContain('Add to Slack');
    const state = /state=([^"&]+)/.exec(html)?.[1];
    const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
    const code = fake.oauth.authorize({ teamId: 'T9', teamName: 'Nine' });
    const back = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${state}`, { headers: { cookie } });
    expect(back.status).toBe(200);
    const token = String(
      fake
        .callsOf('auth.test')
        .at(-1)
        ?.authorization?.replace(/^Bearer /, ''),
    );
    expect(fake.oauth.workspaceOf(token)).toBe('T9');
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).not.toContain(token);
    const store = await openStore(databaseUrl);
    const rows = await store.listInstallations();
    await store.close();
    expect(rows.map((row) => row.key)).toEqual(['T:T9']);
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});
