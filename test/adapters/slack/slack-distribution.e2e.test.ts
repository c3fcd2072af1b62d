import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resumeAfterReinstall } from '../../../src/adapters/slack/handle-uninstall.js';
import { createSlackInstallationStore } from '../../../src/adapters/slack/slack-installation-store.js';
import { slackMessages } from '../../../src/adapters/slack/slack-messages.js';
import { type SlackAdapter, startSlackAdapter } from '../../../src/adapters/slack/start-slack-adapter.js';
import type { Services } from '../../../src/commands/command.js';
import { commands } from '../../../src/commands/registry.js';
import { textReply } from '../../../src/core/reply.js';
import { createTokenSealer } from '../../../src/core/secrets/token-sealer.js';
import { slotKey } from '../../../src/core/store/slot-key.js';
import { createLogger } from '../../../src/logging/create-logger.js';
import { FakeSlackApi } from '../../fakes/fake-slack-api.js';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type FakeWorkspace } from '../../fakes/fake-slack-oauth.js';
import { seedServices } from '../../fakes/seed-services.js';
import { postSigned, postSignedEvent, slashCommandBody, type Who } from '../../fakes/slack-requests.js';
import { dropSchema, freshSchemaName, POSTGRES_TEST_URL, urlWithSchema } from '../../store/postgres-test-database.js';

const SECRET = 'distribution-signing-secret';
const STATE_SECRET = 'distribution-state-secret';

const databases = [
  { name: 'one SQLite file', url: () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'readout-distribution-')), 'readout.db')}` },
  ...(POSTGRES_TEST_URL ? [{ name: 'Postgres', url: () => urlWithSchema(freshSchemaName()) }] : []),
];

/**
 * Two replicas on one database, as two processes would run: workspaces install through replica A's
 * redirect, and replica B serves their commands and digests with each workspace's own token.
 */
describe.each(databases)('Slack distribution mode, two replicas on $name', ({ url }) => {
  let fake: FakeSlackApi;
  const replicas: { adapter: SlackAdapter; services: Services; base: string }[] = [];
  let databaseUrl = '';
  // The real logger at its most talkative, so the check sees what an operator's log file would hold.
  let logged = '';
  const logger = createLogger({
    level: 'debug',
    format: 'json',
    destination: new Writable({
      write(chunk, _encoding, done) {
        logged += String(chunk);
        done();
      },
    }),
  });
  let n = 0;

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    databaseUrl = url();
    const key = randomBytes(32);
    for (let i = 0; i < 2; i++) {
      const services = await seedServices({ databaseUrl });
      const installations = createSlackInstallationStore({
        store: services.store,
        sealer: createTokenSealer([key]),
        clientId: FAKE_CLIENT_ID,
        clientSecret: FAKE_CLIENT_SECRET,
        apiUrl: fake.apiUrl,
        logger,
        onInstalled: async (record) => {
          await resumeAfterReinstall(services.store, record, logger);
        },
      });
      const adapter = await startSlackAdapter({
        distribution: { clientId: FAKE_CLIENT_ID, clientSecret: FAKE_CLIENT_SECRET, stateSecret: STATE_SECRET, installations },
        signingSecret: SECRET,
        port: 0,
        apiUrl: fake.apiUrl,
        services,
        commands,
        logger,
      });
      replicas.push({ adapter, services, base: `http://127.0.0.1:${adapter.port}` });
    }
    fake.teamUsers.set('T1', new Map([['U0ADMIN', { is_admin: true }]]));
    fake.teamUsers.set(
      'T2',
      new Map([
        ['U0ADMIN', {}],
        ['U0OWNER2', { is_owner: true }],
      ]),
    );
    // An org-wide install answers users.info for the whole org.
    fake.teamUsers.set('E3', new Map([['U0ORGADMIN', { is_admin: true }]]));
  });

  afterAll(async () => {
    for (const { adapter, services } of replicas) {
      await adapter.stop();
      await services.store.close();
    }
    await fake.close();
    if (databaseUrl.startsWith('postgres')) await dropSchema(new URL(databaseUrl).searchParams.get('schema') ?? '');
  });

  const a = () => replicas[0]!;
  const b = () => replicas[1]!;

  /** A person installs readout: the Add to Slack page, Slack's consent (the fake's code), the redirect back. */
  async function install(base: string, workspace: FakeWorkspace): Promise<number> {
    const page = await fetch(`${base}/slack/install`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Add to Slack');
    const state = /state=([^"&]+)/.exec(html)?.[1];
    const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(state).toBeTruthy();
    const code = fake.oauth.authorize(workspace);
    const back = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${state}`, { headers: { cookie }, redirect: 'manual' });
    return back.status;
  }

  async function command(base: string, text: string, who: Who): Promise<string> {
    const id = `dist-${++n}`;
    const answer = await postSigned(
      `${base}/slack/events`,
      slashCommandBody({ command: '/digest', text, responseUrl: fake.responseUrl(id), triggerId: id, ...who }),
      { secret: SECRET },
    );
    expect(answer.status).toBe(200);
    await fake.waitFor(() => fake.responsesTo(id).length >= 1);
    return JSON.stringify(fake.responsesTo(id)[0]!.body);
  }

  /** The workspace whose token made the last call of a method. */
  const lastTokenWorkspace = (method: string) =>
    fake.oauth.workspaceOf(
      fake
        .callsOf(method)
        .at(-1)
        ?.authorization?.replace(/^Bearer /, '') ?? '',
    );

  const event = (base: string, type: string, team: string, extra: Record<string, unknown> = {}) =>
    postSignedEvent(
      `${base}/slack/events`,
      {
        token: 'x',
        team_id: team,
        api_app_id: 'A0FAKE',
        type: 'event_callback',
        event_id: `Ev${randomBytes(4).toString('hex')}`,
        event_time: Math.floor(Date.now() / 1000),
        event: { type, ...extra },
        authorizations: [{ team_id: team, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
        is_ext_shared_channel: false,
      },
      { secret: SECRET },
    );

  it('installs two workspaces through the redirect, tokens stored sealed', async () => {
    expect(await install(a().base, { teamId: 'T1', teamName: 'One' })).toBe(200);
    expect(await install(a().base, { teamId: 'T2', teamName: 'Two', enterpriseId: 'E2' })).toBe(200);
    const rows = await b().services.store.listInstallations();
    expect(rows.map((row) => [row.key, row.enterpriseId, row.botUserId?.startsWith('U')])).toEqual([
      ['T:T1', null, true],
      ['T:T2', 'E2', true],
    ]);
    const tokens = fake.callsOf('auth.test').map((call) => call.authorization?.replace(/^Bearer /, '') ?? '');
    expect(tokens).toHaveLength(2);
    for (const row of rows) for (const token of tokens) expect(row.sealed).not.toContain(token);
  });

  it('answers each workspace with its own token, and its own roles decide /digest', async () => {
    expect(await command(b().base, 'subscribe 09:00 UTC', { team: 'T1', user: 'U0ADMIN', channel: 'C1' })).toContain('09:00');
    expect(lastTokenWorkspace('users.info')).toBe('T1');
    // The same person is no admin in the second workspace: refused there, with that workspace's token.
    expect(await command(b().base, 'subscribe 09:00 UTC', { team: 'T2', enterprise: 'E2', user: 'U0ADMIN', channel: 'C2' })).toContain(
      'admins',
    );
    expect(lastTokenWorkspace('users.info')).toBe('T2');
    expect(await command(b().base, 'subscribe 10:00 UTC', { team: 'T2', enterprise: 'E2', user: 'U0OWNER2', channel: 'C2' })).toContain(
      '10:00',
    );
    // Subscriptions are keyed by enterprise and team.
    const subs = await b().services.store.listSubscriptions({ platform: 'slack' });
    expect(subs.map((s) => [s.workspace, s.channel])).toEqual([
      ['E2:T2', 'C2'],
      ['T1', 'C1'],
    ]);
  });

  it('posts each workspace’s digest with its own token', async () => {
    for (const [workspace, channel, team] of [
      ['T1', 'C1', 'T1'],
      ['E2:T2', 'C2', 'T2'],
    ] as const) {
      const ref = { platform: 'slack' as const, workspace, channel };
      const result = await b().adapter.poster.post(ref, textReply('Today', { visibility: 'public' }), slotKey(ref, '2026-04-24'));
      expect(result.messageId).toBeTruthy();
      expect(lastTokenWorkspace('chat.postMessage')).toBe(team);
    }
  });

  it('serves every workspace of an org-wide install with the org’s token', async () => {
    expect(await install(a().base, { enterpriseId: 'E3', orgInstall: true })).toBe(200);
    expect(await b().services.store.getInstallation('E:E3')).toMatchObject({ isEnterpriseInstall: true, teamId: null });
    const who = { team: 'T3', enterprise: 'E3', orgInstall: true, user: 'U0ORGADMIN', channel: 'C3' };
    expect(await command(b().base, 'subscribe 08:00 UTC', who)).toContain('08:00');
    expect(lastTokenWorkspace('users.info')).toBe('E3');
    const ref = { platform: 'slack' as const, workspace: 'E3:T3', channel: 'C3' };
    await b().adapter.poster.post(ref, textReply('Today', { visibility: 'public' }), slotKey(ref, '2026-04-24'));
    expect(lastTokenWorkspace('chat.postMessage')).toBe('E3');
  });

  it('refreshes a rotating token before Bolt would, once for both replicas', async () => {
    fake.teamUsers.set('T4', new Map([['U0ADMIN4', { is_admin: true }]]));
    // Slack's first token with rotation on lives 12 hours; this one has 2.5 hours left: inside readout's 3-hour window, outside Bolt's 2.
    expect(await install(a().base, { teamId: 'T4', teamName: 'Four', rotation: true, expiresIn: 9000 })).toBe(200);
    const installed =
      fake
        .callsOf('auth.test')
        .at(-1)
        ?.authorization?.replace(/^Bearer /, '') ?? '';
    const grants = fake.oauth.refreshGrants;
    expect(await command(b().base, 'status', { team: 'T4', user: 'U0ADMIN4', channel: 'C4' })).toBeTruthy();
    expect(await command(a().base, 'subscribe 07:00 UTC', { team: 'T4', user: 'U0ADMIN4', channel: 'C4' })).toContain('07:00');
    expect(fake.oauth.refreshGrants).toBe(grants + 1);
    const used =
      fake
        .callsOf('users.info')
        .at(-1)
        ?.authorization?.replace(/^Bearer /, '') ?? '';
    expect(used).not.toBe(installed);
    expect(fake.oauth.works(used)).toBe(true);
    expect((await a().services.store.getInstallation('T:T4'))?.refreshedAt).not.toBeNull();
  });

  it('never logs a token', () => {
    const issued = fake.callsOf('chat.postMessage').map((call) => call.authorization?.replace(/^Bearer /, '') ?? '');
    expect(issued.length).toBeGreaterThan(0);
    expect(logged).toContain('oauth.v2.access');
    for (const token of issued) expect(logged).not.toContain(token);
  });

  it('pauses an uninstalled workspace’s digests (either event, any number of times) and resumes them on reinstall', async () => {
    fake.oauth.revokeWorkspace('T1');
    expect((await event(a().base, 'tokens_revoked', 'T1', { tokens: { bot: ['U0BOT'] } })).status).toBe(200);
    const t1 = { platform: 'slack' as const, workspace: 'T1', channel: 'C1' };
    await expect
      .poll(() => b().services.store.getSubscription(t1))
      .toMatchObject({ status: 'paused', pausedReason: slackMessages.pausedTokensRevoked });
    expect((await event(b().base, 'app_uninstalled', 'T1')).status).toBe(200);
    expect((await event(a().base, 'app_uninstalled', 'T1')).status).toBe(200);
    expect(await b().services.store.getInstallation('T:T1')).toBeUndefined();
    expect(await b().services.store.getSubscription(t1)).toMatchObject({
      status: 'paused',
      pausedReason: slackMessages.pausedTokensRevoked,
    });
    expect(await b().services.store.getSubscription({ platform: 'slack', workspace: 'E2:T2', channel: 'C2' })).toMatchObject({
      status: 'active',
    });
    await expect(
      b().adapter.poster.post(t1, textReply('Today', { visibility: 'public' }), slotKey(t1, '2026-04-25')),
    ).rejects.toMatchObject({
      kind: 'gone',
    });

    expect(await install(b().base, { teamId: 'T1', teamName: 'One' })).toBe(200);
    expect(await a().services.store.getSubscription(t1)).toMatchObject({ status: 'active', pausedReason: null });
    const ref = t1;
    await a().adapter.poster.post(ref, textReply('Again', { visibility: 'public' }), slotKey(ref, '2026-04-26'));
    expect(lastTokenWorkspace('chat.postMessage')).toBe('T1');
  });
});
