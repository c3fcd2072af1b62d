import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordHttpAdapter, INTERACTIONS_PATH, startDiscordHttp } from '../../../src/adapters/discord/start-discord-http.js';
import { systemClock } from '../../../src/core/clock.js';
import { silentLogger } from '../../../src/core/logger.js';
import { openSqliteStore } from '../../../src/store/sqlite/open-sqlite-store.js';
import { FakeDiscord, type RecordedRequest, type SentInteraction } from '../../fakes/fake-discord.js';
import { fakeDiscordCommands, fakeDiscordServices } from '../../fakes/fake-discord-services.js';

const EPHEMERAL = 64;

interface Replica {
  name: string;
  adapter: DiscordHttpAdapter;
  server: Server;
  port: number;
}

/** A load balancer in front of the replicas: each request goes to the next one in turn, body and headers untouched. */
async function roundRobinProxy(replicas: Replica[], served: string[]): Promise<Server> {
  let next = 0;
  const proxy = createServer((req, res) => {
    const target = replicas[next++ % replicas.length] as Replica;
    served.push(target.name);
    const upstream = request(
      { host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  return proxy;
}

describe.each([
  { mode: 'answered in the HTTP response', deferAfterMs: 2_000 },
  { mode: 'deferred in the HTTP response, edited through REST', deferAfterMs: 0 },
])('Discord HTTP interactions on two replicas, $mode', ({ deferAfterMs }) => {
  let fake: FakeDiscord;
  let proxy: Server;
  const replicas: Replica[] = [];
  /** Which replica the proxy sent each request to, in order. */
  const served: string[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    // One SQLite file, two store handles: what two processes on one machine would have.
    const file = join(mkdtempSync(join(tmpdir(), 'readout-discord-http-')), 'readout.db');
    for (const name of ['A', 'B']) {
      const adapter = startDiscordHttp({
        publicKey: fake.publicKey,
        token: 'fake-token',
        applicationId: fake.applicationId,
        apiUrl: fake.apiUrl,
        services: { ...fakeDiscordServices(), store: openSqliteStore(file, systemClock) },
        commands: fakeDiscordCommands(),
        logger: silentLogger,
        deferAfterMs,
      });
      const server = createServer((req, res) => {
        if (new URL(req.url ?? '/', 'http://x').pathname === INTERACTIONS_PATH) adapter.listener(req, res);
        else res.writeHead(404).end();
      });
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      replicas.push({ name, adapter, server, port: (server.address() as AddressInfo).port });
    }
    proxy = await roundRobinProxy(replicas, served);
    fake.deliverOverHttp(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}${INTERACTIONS_PATH}`);
  });

  afterAll(async () => {
    for (const replica of replicas) {
      await replica.adapter.stop();
      replica.server.close();
    }
    proxy.close();
    await fake.close();
  });

  /** The interaction's first answer (the HTTP response) and, after a deferral, the edit that carries the message. */
  async function answerOf(sent: SentInteraction): Promise<{ first: RecordedRequest; message: RecordedRequest['body'] }> {
    const delivery = await sent.delivered;
    expect(delivery?.timedOut).toBe(false);
    expect(delivery?.status).toBe(200);
    const first = await fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    expect(first.headers['via']).toBe('http-response');
    if (first.body.type === 4 || first.body.type === 7 || first.body.type === 8) return { first, message: first.body.data };
    const edit = await fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${sent.token}/messages/@original`,
    );
    return { first, message: edit.body };
  }

  it('answers a PING with PONG', async () => {
    expect(await fake.ping()).toEqual({ status: 200, body: { type: 1 }, timedOut: false });
  });

  it('refuses every bad-signature probe with 401', async () => {
    const results = await fake.probeBadSignatures();
    expect(results.length).toBeGreaterThanOrEqual(9);
    for (const { probe, status } of results) expect({ probe, status }).toEqual({ probe, status: 401 });
  });

  it('answers /lookup within the deadline, privately, without opening a gateway', async () => {
    const sent = fake.chatInput('lookup', [{ name: 'query', value: 'trade' }]);
    const { first, message } = await answerOf(sent);
    if (deferAfterMs === 0) expect(first.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    else expect(first.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(message.embeds[0].title).toBe('Results for trade');
    expect(message.allowed_mentions).toEqual({ parse: [] });
    // Nothing of the interaction's first answer went through REST, and no gateway was ever asked for.
    expect(fake.requests.filter((r) => r.path.endsWith('/callback') && r.headers['via'] !== 'http-response')).toEqual([]);
    expect(fake.requests.filter((r) => r.path.startsWith('/gateway'))).toEqual([]);
    expect(fake.identifies).toEqual([]);
    expect(fake.openSockets).toBe(0);
  });

  it('serves a button from replica A’s reply on replica B (the page is in the store)', async () => {
    const before = served.length;
    const sent = fake.chatInput('lookup', [
      { name: 'query', value: 'trade' },
      { name: 'limit', value: 12 },
    ]);
    const { message } = await answerOf(sent);
    const pager = message.components[0].components[0];
    expect(pager.label).toMatch(/^More results \(2\/\d\)$/);
    const click = fake.button(pager.custom_id, { flags: EPHEMERAL, embeds: message.embeds, components: message.components });
    const { first, message: page } = await answerOf(click);
    const [commandAt, clickAt] = served.slice(before);
    expect(commandAt).not.toBe(clickAt);
    expect(first.body.type).toBe(7);
    expect(page.embeds[0].title).not.toBe('Results for trade');
    expect(JSON.stringify(page)).not.toContain('older message');
  });

  it('refuses a signed interaction replayed to the replica that answered it', async () => {
    const replica = replicas[0] as Replica;
    const sent = fake.chatInput('onthisday');
    await sent.delivered;
    const body = JSON.stringify(sent.payload);
    const replay = () =>
      fetch(`http://127.0.0.1:${replica.port}${INTERACTIONS_PATH}`, { method: 'POST', headers: fake.http.signedHeaders(body), body });
    // Whichever replica the proxy chose, replica A has now seen it once at most; the copy after that is refused.
    const first = await replay();
    const second = await replay();
    expect(second.status).toBe(409);
    expect([200, 409]).toContain(first.status);
  });

  it('autocompletes from either replica, never deferred', async () => {
    for (let i = 0; i < 2; i++) {
      const sent = fake.autocomplete('quote', { name: 'speaker', value: 'xi' });
      const { first } = await answerOf(sent);
      expect(first.body).toEqual({ type: 8, data: { choices: [{ name: 'Xi Jinping', value: 'Xi Jinping' }] } });
    }
  });

  it('answers a public command publicly and the "Post to channel" button of a private quote', async () => {
    const sent = fake.chatInput('quote', [{ name: 'speaker', value: 'Xi Jinping' }]);
    const { message } = await answerOf(sent);
    const post = message.components[0].components[1].custom_id;
    const click = fake.button(post, { flags: EPHEMERAL });
    const { first, message: posted } = await answerOf(click);
    expect(first.body.type).toBe(deferAfterMs === 0 ? 5 : 4);
    expect(first.body.data.flags ?? 0).toBe(0);
    expect(posted.components).toEqual([]);
  });
});
