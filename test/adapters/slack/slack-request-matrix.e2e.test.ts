import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type SlackAdapter, startSlackAdapter } from '../../../src/adapters/slack/start-slack-adapter.js';
import { type AnyCommand, defineCommand, type Services } from '../../../src/commands/command.js';
import { digestCommand } from '../../../src/commands/digest-command.js';
import { textReply } from '../../../src/core/reply.js';
import { FakeSlackApi } from '../../fakes/fake-slack-api.js';
import { RecordingLogger } from '../../fakes/slack-recording-logger.js';
import { blockActionBody, openRawPost, postRaw, signatureHeaders, slashCommandBody } from '../../fakes/slack-requests.js';
import { slackTestServices } from '../../fakes/slack-services.js';

const SECRET = 'matrix-signing-secret';
const ADMIN = 'U0ADMIN';

/** Every run of /canary, by the tag in its text: a forged request that got through shows up here. */
const runs: string[] = [];
const canaryCommand = defineCommand({
  name: 'canary',
  description: 'Records that it ran',
  options: z.object({ tag: z.string().optional() }),
  positional: ['tag'],
  rest: 'tag',
  examples: ['canary x'],
  run: (options) => {
    runs.push(options.tag ?? '');
    return textReply(`canary ${options.tag ?? ''}`);
  },
});
const commands: AnyCommand[] = [canaryCommand, digestCommand];

/**
 * Spellings of the events path that Bolt routes to /slack/events: it reads the path with WHATWG URL (dot
 * segments, `%2e`, backslashes) and matches its routes with path-to-regexp (any case, a trailing slash).
 */
const ROUTED = [
  '/slack/events',
  '/slack/./events',
  '/slack/%2e/events',
  '/slack/%2E/events',
  '/x/../slack/events',
  '/slack/x/%2e%2e/events',
  '/./slack/events',
  '/slack\\events',
  '/slack/events?x=1',
  '/slack/events?ssl_check=1',
  '/slack/events#frag',
  '/slack/events/',
  '/SLACK/EVENTS',
  '/Slack/Events',
];
/** Spellings it does not route: each must be a plain 404 that runs nothing. */
const UNROUTED = ['/slack//events', '//slack/events', '/slack%2fevents', '/slack/events%20', '/slack/events.json', '/slack'];

type Variant = { name: string; make: (body: string) => { body: string; headers: Record<string, string | string[]> }; sslCheck?: boolean };

const now = () => Math.floor(Date.now() / 1000);
/** Every way a request can fail to be Slack's: each is sent with a command body and a button body. */
const VARIANTS: Variant[] = [
  { name: 'unsigned', make: (body) => ({ body, headers: {} }) },
  {
    name: 'signature without timestamp',
    make: (body) => ({ body, headers: { 'x-slack-signature': signatureHeaders(SECRET, body)['x-slack-signature']! } }),
  },
  {
    name: 'bad signature',
    make: (body) => ({ body, headers: { 'x-slack-request-timestamp': String(now()), 'x-slack-signature': `v0=${'0'.repeat(64)}` } }),
  },
  { name: 'another secret', make: (body) => ({ body, headers: signatureHeaders('not-the-secret', body) }) },
  { name: 'stale', make: (body) => ({ body, headers: signatureHeaders(SECRET, body, now() - 6 * 60) }) },
  { name: 'future', make: (body) => ({ body, headers: signatureHeaders(SECRET, body, now() + 6 * 60) }) },
  {
    name: 'v1 signature',
    make: (body) => {
      const signed = signatureHeaders(SECRET, body);
      return { body, headers: { ...signed, 'x-slack-signature': signed['x-slack-signature']!.replace(/^v0=/, 'v1=') } };
    },
  },
  { name: 'smuggled ssl_check first', make: (body) => ({ body: `ssl_check=1&${body}`, headers: {} }), sslCheck: true },
  { name: 'smuggled ssl_check last', make: (body) => ({ body: `${body}&ssl_check=1`, headers: {} }), sslCheck: true },
  { name: 'ssl_check twice', make: (body) => ({ body: `ssl_check=1&ssl_check=1&${body}`, headers: {} }) },
  {
    name: 'ssl_check beside a real signature of another body',
    make: (body) => ({ body: `ssl_check=1&${body}`, headers: signatureHeaders(SECRET, body) }),
    sslCheck: true,
  },
  {
    name: 'fields repeated after signing',
    make: (body) => ({ body: `${body}&user_id=${ADMIN}&command=%2Fdigest&payload=x`, headers: signatureHeaders(SECRET, body) }),
  },
  {
    name: 'signature header twice',
    make: (body) => {
      const signed = signatureHeaders(SECRET, body);
      return { body, headers: { ...signed, 'x-slack-signature': [signed['x-slack-signature']!, `v0=${'1'.repeat(64)}`] } };
    },
  },
  {
    name: 'forged user id in a signed body',
    make: (body) => ({ body: body.replaceAll('U0ASKER', ADMIN), headers: signatureHeaders(SECRET, body) }),
  },
  {
    name: 'JSON content type',
    make: (body) => ({ body, headers: { ...signatureHeaders(SECRET, `${body} `), 'content-type': 'application/json' } }),
  },
];

describe('Slack request matrix: only Slack-signed requests act, on every path spelling Bolt routes', () => {
  let fake: FakeSlackApi;
  let attacker: Server;
  const attackerHits: IncomingMessage[] = [];
  let attackerUrl: string;
  let adapter: SlackAdapter;
  let logger: RecordingLogger;
  let services: Services;
  let markers = 0;

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    attacker = createServer((req, res) => {
      attackerHits.push(req);
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/hook`;
    logger = new RecordingLogger();
    services = slackTestServices({ logger });
    adapter = await startSlackAdapter({
      botToken: 'xoxb-matrix',
      signingSecret: SECRET,
      port: 0,
      apiUrl: fake.apiUrl,
      services,
      commands,
      logger,
      digestManagers: [ADMIN],
    });
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake.close();
    await new Promise<void>((resolve) => attacker.close(() => resolve()));
  });

  /** A tag as a response_url id and trigger id: letters, digits, `_` and `-` only. */
  const idOf = (tag: string) => tag.replace(/[^\w-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
  // One cell's leak must not fail the next: each test starts with no effects.
  afterEach(async () => {
    runs.length = 0;
    fake.responses.length = 0;
    attackerHits.length = 0;
    for (const sub of await services.store.listSubscriptions()) await services.store.removeSubscription(sub);
  });

  const canaryBody = (tag: string, responseUrl = fake.responseUrl(idOf(tag))) =>
    slashCommandBody({ command: '/canary', text: tag, responseUrl, triggerId: idOf(tag) });
  /** A click on a digest button, from the asker, that would subscribe another channel. */
  const digestClick = (tag: string) =>
    blockActionBody({
      actionId: 'readout:post:0',
      value: JSON.stringify({ k: 'a', c: 'digest', a: 'subscribe 09:00 UTC' }),
      responseUrl: fake.responseUrl(idOf(tag)),
      triggerId: idOf(tag),
      ephemeral: true,
      channel: `C${tag.length}OTHER`,
    });

  /**
   * A signed command sent after the others: commands run in arrival order, so once its answer is back,
   * anything a forged request had started has run too.
   */
  async function settle(): Promise<void> {
    const tag = `marker-${++markers}`;
    const body = canaryBody(tag);
    const answer = await postRaw({ port: adapter.port!, path: '/slack/events', body, headers: signatureHeaders(SECRET, body) });
    expect(answer.status).toBe(200);
    await fake.waitFor(() => fake.responsesTo(tag).length > 0);
  }

  async function expectNoEffects(): Promise<void> {
    await settle();
    expect(runs.filter((tag) => !tag.startsWith('marker-'))).toEqual([]);
    expect(fake.responses.filter((post) => !post.id.startsWith('marker-')).map((post) => post.id)).toEqual([]);
    expect(await services.store.listSubscriptions()).toEqual([]);
    expect(fake.callsOf('chat.postMessage')).toEqual([]);
    expect(attackerHits).toEqual([]);
  }

  it.each([...ROUTED, ...UNROUTED])('%s: a signed command runs exactly when Bolt routes the path', async (path) => {
    const tag = `control ${path}`;
    const body = canaryBody(tag);
    const answer = await postRaw({ port: adapter.port!, path, body, headers: signatureHeaders(SECRET, body) });
    if (ROUTED.includes(path)) {
      expect(answer.status).toBe(200);
      await fake.waitFor(() => fake.responsesTo(idOf(tag)).length > 0);
      expect(runs).toContain(tag);
    } else {
      expect(answer.status).toBe(404);
      await settle();
      expect(runs).not.toContain(tag);
    }
  });

  it.each([...ROUTED, ...UNROUTED])('%s: no forged request of any kind runs, answers, writes or posts', async (path) => {
    for (const variant of VARIANTS) {
      for (const [kind, make] of [
        ['command', canaryBody],
        ['button', digestClick],
      ] as const) {
        const tag = `${variant.name} ${kind} ${path}`;
        const request = variant.make(make(tag));
        const answer = await postRaw({ port: adapter.port!, path, body: request.body, headers: request.headers });
        // Slack's ssl_check is answered 200 with nothing in it, and nothing done; everything else is refused.
        if (variant.sslCheck && ROUTED.includes(path)) expect([tag, answer.status, answer.body]).toEqual([tag, 200, '']);
        else expect([tag, answer.status]).not.toEqual([tag, 200]);
      }
    }
    await expectNoEffects();
  });

  it('a signed request whose response_url is not a Slack host is acknowledged, not run, and nothing is sent there', async () => {
    const body = canaryBody('elsewhere', attackerUrl);
    const answer = await postRaw({ port: adapter.port!, path: '/slack/events', body, headers: signatureHeaders(SECRET, body) });
    expect(answer.status).toBe(200);
    const click = blockActionBody({
      actionId: 'readout:more:0',
      value: JSON.stringify({ k: 'a', c: 'canary', a: 'elsewhere-click' }),
      responseUrl: attackerUrl,
      triggerId: 'elsewhere-click',
      ephemeral: true,
    });
    expect(
      (await postRaw({ port: adapter.port!, path: '/slack/events', body: click, headers: signatureHeaders(SECRET, click) })).status,
    ).toBe(200);
    await expectNoEffects();
    expect(logger.messages('warn').filter((m) => m.startsWith('slack response_url refused'))).toHaveLength(2);
  });
});

describe('Slack HTTP mode bounds what an unverified request may cost', () => {
  let fake: FakeSlackApi;
  let server: Server;
  let adapter: SlackAdapter;
  let port: number;
  /** Requests the server has handed to the adapter's listener so far, and who waits for a count. */
  let handed = 0;
  let onHanded: () => void = () => {};

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    const logger = new RecordingLogger();
    let listener: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
    server = createServer((req, res) => {
      listener!(req, res);
      handed += 1;
      onHanded();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    adapter = await startSlackAdapter({
      botToken: 'xoxb-bounds',
      signingSecret: SECRET,
      port: 0,
      apiUrl: fake.apiUrl,
      services: slackTestServices({ logger }),
      commands,
      logger,
      limits: { maxPendingBodies: 2, bodyDeadlineMs: 2_000 },
      mount: (l) => {
        listener = l;
        return () => {};
      },
    });
  });

  afterAll(async () => {
    await adapter?.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await fake.close();
  });

  const signedCanary = (tag: string, pad = 0) => {
    const body = `${slashCommandBody({ command: '/canary', text: tag, responseUrl: fake.responseUrl(tag), triggerId: tag })}&pad=${'p'.repeat(pad)}`;
    return { body, headers: signatureHeaders(SECRET, body) };
  };

  it('takes a signed body of just under 64 KB and refuses one byte more, by its Content-Length, before reading it', async () => {
    const base = signedCanary('fits').body.length;
    const fits = signedCanary('fits', 64 * 1024 - base);
    expect(Buffer.byteLength(fits.body)).toBe(64 * 1024);
    expect((await postRaw({ port, path: '/slack/events', ...fits })).status).toBe(200);
    await fake.waitFor(() => fake.responsesTo('fits').length > 0);
    const over = signedCanary('over', 64 * 1024 - base + 1);
    expect((await postRaw({ port, path: '/slack/events', ...over })).status).toBe(413);
    expect(runs).not.toContain('over');
  });

  it('refuses a chunked body once it passes 64 KB, without waiting for its end', async () => {
    const { req, status } = openRawPost(port, { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' });
    // 70 KB and never an end: a server that buffered the whole body would never answer.
    for (let i = 0; i < 70; i++) req.write('x'.repeat(1024));
    expect(await status).toBe(413);
  });

  it('answers 503 to a body beyond the bound while others are still arriving, and takes requests again once they are done', async () => {
    const before = handed;
    const bothHanded = new Promise<void>((resolve) => {
      onHanded = () => {
        if (handed >= before + 2) resolve();
      };
    });
    const body = 'command=%2Fcanary&text=slow';
    const finishers: (() => void)[] = [];
    const slow = [0, 1].map(() => {
      const { req, status } = openRawPost(port, {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(body.length),
      });
      req.write(body.slice(0, 5));
      finishers.push(() => req.end(body.slice(5)));
      return status;
    });
    await bothHanded;
    expect((await postRaw({ port, path: '/slack/events', ...signedCanary('third') })).status).toBe(503);
    for (const finish of finishers) finish();
    // The two slow ones are unsigned: once their bodies are in, Bolt refuses them.
    expect(await Promise.all(slow)).toEqual([401, 401]);
    const again = signedCanary('fourth');
    expect((await postRaw({ port, path: '/slack/events', ...again })).status).toBe(200);
    await fake.waitFor(() => fake.responsesTo('fourth').length > 0);
    expect(runs).not.toContain('third');
  });

  it('cuts off a body that stops arriving', async () => {
    const { req, status } = openRawPost(port, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '100' });
    req.write('command=%2F');
    expect(await status).toBe(408);
  });
});
