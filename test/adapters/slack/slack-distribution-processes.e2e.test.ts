import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../../fakes/fake-slack-api.js';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET } from '../../fakes/fake-slack-oauth.js';
import { SEEDS_DIR } from '../../fakes/seed-services.js';
import { postSigned, slashCommandBody } from '../../fakes/slack-requests.js';
import { dropSchema, freshSchemaName, POSTGRES_TEST_URL, urlWithSchema } from '../../store/postgres-test-database.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const SECRET = 'processes-signing-secret';

/** Starts `readout start` in distribution mode and resolves with its port once /readyz says ready. */
async function startProcess(env: NodeJS.ProcessEnv, children: ChildProcess[]): Promise<string> {
  const child = spawn(process.execPath, ['bin/readout.js', 'start'], { cwd: ROOT, env });
  children.push(child);
  let logs = '';
  const port = await new Promise<number>((done, fail) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      logs += chunk.toString();
      const found = /"port":(\d+),"msg":"serving \/healthz/.exec(logs)?.[1];
      if (found) done(Number(found));
    });
    child.once('exit', () => fail(new Error(`exited before listening:\n${logs}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 400 && (await fetch(`${base}/readyz`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 50));
  return base;
}

describe.skipIf(!POSTGRES_TEST_URL)('Slack distribution mode, two `readout start` processes on one Postgres database', () => {
  const children: ChildProcess[] = [];
  const schema = freshSchemaName();
  let fake: FakeSlackApi | undefined;

  afterAll(async () => {
    for (const child of children) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    await fake?.close();
    await dropSchema(schema);
  });

  it('installs two workspaces through process A and answers each from process B with its own token', async () => {
    fake = await FakeSlackApi.start();
    fake.teamUsers.set('T1', new Map([['U0ADMIN', { is_admin: true }]]));
    fake.teamUsers.set('T2', new Map([['U0ADMIN', { is_admin: true }]]));
    const dir = mkdtempSync(join(tmpdir(), 'readout-distribution-processes-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_FORMAT: 'json', LOG_LEVEL: 'info' };
    for (const key of Object.keys(env)) if (/^(SLACK|DISCORD|READOUT)_/.test(key)) delete env[key];
    Object.assign(env, {
      READOUT_SEEDS: SEEDS_DIR,
      READOUT_CACHE_DIR: join(dir, 'cache'),
      DATABASE_URL: urlWithSchema(schema),
      SLACK_CLIENT_ID: FAKE_CLIENT_ID,
      SLACK_CLIENT_SECRET: FAKE_CLIENT_SECRET,
      SLACK_STATE_SECRET: 'processes-state-secret',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      READOUT_TOKEN_KEY: randomBytes(32).toString('hex'),
    });
    const [a, b] = await Promise.all([startProcess(env, children), startProcess(env, children)]);

    for (const team of ['T1', 'T2']) {
      const page = await fetch(`${a}/slack/install`);
      const state = /state=([^"&]+)/.exec(await page.text())?.[1];
      const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
      const code = fake.oauth.authorize({ teamId: team, teamName: team });
      expect((await fetch(`${a}/slack/oauth_redirect?code=${code}&state=${state}`, { headers: { cookie } })).status).toBe(200);
    }
    for (const team of ['T1', 'T2']) {
      const id = `proc-${team}`;
      const body = slashCommandBody({
        command: '/digest',
        text: 'subscribe 09:00 UTC',
        responseUrl: fake.responseUrl(id),
        triggerId: id,
        team,
        user: 'U0ADMIN',
        channel: `C${team}`,
      });
      expect((await postSigned(`${b}/slack/events`, body, { secret: SECRET })).status).toBe(200);
      await fake.waitFor(() => fake!.responsesTo(id).length >= 1);
      expect(JSON.stringify(fake.responsesTo(id)[0]?.body)).toContain('09:00');
      const token =
        fake
          .callsOf('users.info')
          .at(-1)
          ?.authorization?.replace(/^Bearer /, '') ?? '';
      expect(fake.oauth.workspaceOf(token)).toBe(team);
    }
  }, 120_000);
});
