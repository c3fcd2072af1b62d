import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { FakeDiscordHttp, type HttpDelivery, INTERACTION_DEADLINE_MS } from './fake-discord-http.js';
import {
  FAKE_PERMISSIONS,
  fakeGuild,
  fakeMessage,
  type InteractionWhere,
  interactionBase,
  optionType,
  type SimpleOption,
  snowflake,
} from './fake-discord-payloads.js';

/** One HTTP request the fake received, with its path decoded and the `/api/v10` prefix removed. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON the tests inspect
  body: any;
  /** Files of a multipart request (`files[n]` parts), with the description the JSON payload gave each. */
  files?: UploadedAttachment[];
}

/** One attachment as Discord received it. */
export interface UploadedAttachment {
  name: string;
  description: string | undefined;
  bytes: Buffer;
}

/** Discord's cap on an attachment's description (its alt text). */
export const ATTACHMENT_DESCRIPTION_MAX = 1024;

export interface CannedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeDiscordOptions {
  applicationId?: string;
  /** Guilds listed in READY; each is followed by a GUILD_CREATE, or discord.js would wait 15 s for it. */
  guilds?: string[];
  /** Shard count GET /gateway/bot recommends (default 1). */
  shards?: number;
  /** How long, by the fake's clock, a nonce with enforce_nonce is remembered; Discord says "a few minutes" (default 2 min). */
  nonceMemoryMs?: number;
}

/** Picks which of the requests on a route a canned answer is for (one page of a digest, by its nonce). */
export type RequestFilter = (request: RecordedRequest) => boolean;

/** What the fake does with a request it has accepted (the message exists): answer late, never, or with an error. */
export type AfterAccept = { kind: 'hold' } | { kind: 'drop' } | { kind: 'status'; status: number; body?: unknown };

export interface SentInteraction {
  id: string;
  token: string;
  // biome-ignore lint/suspicious/noExplicitAny: a raw gateway payload
  payload: any;
  /** In HTTP mode: the endpoint's answer (its body is also recorded as the interaction's callback). */
  delivered?: Promise<HttpDelivery>;
}

/**
 * A local stand-in for Discord: a REST server under `/api/v10` and a WebSocket gateway on the same port.
 * It records every request, answers what discord.js needs to log in and answer interactions, and can be
 * told to fail the next matching request (429 with retry_after, 403, 404, 500).
 */
export class FakeDiscord {
  readonly applicationId: string;
  readonly botUser = { id: snowflake(), username: 'readout', discriminator: '0', global_name: null, avatar: null, bot: true };
  readonly requests: RecordedRequest[] = [];
  /** Registered commands, by `global` or guild id. */
  // biome-ignore lint/suspicious/noExplicitAny: stored command JSON
  readonly commands = new Map<string, any[]>();
  /** IDENTIFY payloads received, to check intents and shards. */
  // biome-ignore lint/suspicious/noExplicitAny: raw gateway payloads
  readonly identifies: any[] = [];
  private readonly guilds: string[];
  private readonly recommendedShards: number;
  /** Which shard each identified connection serves: [id, count]. */
  private readonly shardOf = new Map<WebSocket, [number, number]>();
  private readonly server: Server;
  private readonly gateway: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly failures: { method: string; path: RegExp; response: CannedResponse; when?: RequestFilter }[] = [];
  private readonly waiters: { predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  private readonly nonces = new Map<string, { message: unknown; atMs: number }>();
  private readonly nonceMemoryMs: number;
  /** Messages each channel holds, oldest first, as GET /channels/{id}/messages lists them. */
  // biome-ignore lint/suspicious/noExplicitAny: stored message objects
  readonly channelMessages = new Map<string, any[]>();
  private readonly afterAccept: { method: string; path: RegExp; then: AfterAccept; when?: RequestFilter }[] = [];
  private readonly held = new Set<ServerResponse>();
  /** The fake's clock runs this far ahead of the wall clock; tests move it with `advance`. */
  private offsetMs = 0;
  /** Interactions the fake sent, by token: when, and whether they have had their one first answer. */
  private readonly issued = new Map<string, { atMs: number; acknowledged: boolean }>();
  /** Discord's HTTP delivery side: signs interactions, PINGs, probes; see deliverOverHttp. */
  readonly http: FakeDiscordHttp;
  private sequence = 0;
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.applicationId = options.applicationId ?? snowflake();
    this.guilds = options.guilds ?? [];
    this.recommendedShards = options.shards ?? 1;
    this.nonceMemoryMs = options.nonceMemoryMs ?? 2 * 60_000;
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    this.gateway = new WebSocketServer({ server: this.server });
    this.gateway.on('connection', (socket) => this.accept(socket));
    this.http = new FakeDiscordHttp(() => this.now());
  }

  /** The application's public key (hex) for DISCORD_PUBLIC_KEY. */
  get publicKey(): string {
    return this.http.publicKeyHex;
  }

  /** From now on interactions are signed and POSTed to `endpoint` instead of sent over the gateway. */
  deliverOverHttp(endpoint: string): void {
    this.http.endpoint = endpoint;
  }

  /** The PING Discord sends when the endpoint URL is saved. */
  ping(): Promise<HttpDelivery> {
    return this.http.ping(this.applicationId);
  }

  /** Discord's deliberate bad-signature probes; each status must be 401. */
  probeBadSignatures(): Promise<{ probe: string; status: number }[]> {
    return this.http.probeBadSignatures(this.applicationId);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The base URL to give discord.js, without the version: it appends `/v10` itself. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Gateway connections still open. */
  get openSockets(): number {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN).length;
  }

  /** The next request matching method and path (and `when`, e.g. one page's nonce) gets this response instead of the normal one. */
  failNext(method: string, path: RegExp, response: CannedResponse, when?: RequestFilter): void {
    this.failures.push({ method, path, response, ...(when ? { when } : {}) });
  }

  /** The fake's "now" (ms): message ids, timestamps and nonce memory follow it. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the fake's clock on, e.g. past its nonce memory or a lease. */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** The next request matching method and path (and `when`) is carried out (the message exists), then answered as told. */
  afterAcceptNext(method: string, path: RegExp, then: AfterAccept, when?: RequestFilter): void {
    this.afterAccept.push({ method, path, then, ...(when ? { when } : {}) });
  }

  /** Other people's messages arriving in a channel now (by the fake's clock): traffic a search has to read through. */
  addMessagesFromOthers(channelId: string, count: number): void {
    const someone = { id: snowflake(), username: 'someone', discriminator: '0', global_name: null, avatar: null };
    const added = Array.from({ length: count }, (_, i) =>
      fakeMessage({ channelId, author: someone, body: { content: `chatter ${i}` }, atMs: this.now() }),
    );
    this.channelMessages.set(channelId, [...this.messagesIn(channelId), ...added]);
  }

  /** Bodies of the messages a channel holds, oldest first. */
  // biome-ignore lint/suspicious/noExplicitAny: stored message objects
  messagesIn(channelId: string): any[] {
    return this.channelMessages.get(channelId) ?? [];
  }

  /** Resolves with the first request (already received or still to come) that matches. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean): Promise<RecordedRequest> {
    const found = this.requests.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }

  /** Requests that answered or edited an interaction with this token, in order. */
  interactionRequests(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${token}/`) || r.path.endsWith(`/${token}`));
  }

  /** Every body that creates or edits a message: replies and updates (deferrals carry no text), webhook edits and follow-ups, channel posts. */
  messageBodies(): RecordedRequest[] {
    return this.requests.filter(
      (r) =>
        (r.path.endsWith('/callback') && [4, 7].includes(r.body?.type)) ||
        (r.path.startsWith('/webhooks/') && (r.method === 'PATCH' || r.method === 'POST')) ||
        (r.path.startsWith('/channels/') && r.method === 'POST'),
    );
  }

  /** Sends a chat-input INTERACTION_CREATE; options' types follow their JS values unless given. */
  chatInput(name: string, options: SimpleOption[] = [], where: InteractionWhere & { subcommand?: string } = {}): SentInteraction {
    const typed = options.map((o) => ({ type: o.type ?? optionType(o.value), name: o.name, value: o.value }));
    const data = {
      id: snowflake(),
      name,
      type: 1,
      options: where.subcommand ? [{ type: 1, name: where.subcommand, options: typed }] : typed,
      ...(where.dm ? {} : { guild_id: where.guildId ?? DEFAULT_GUILD }),
    };
    return this.dispatchInteraction({ ...interactionBase(this.applicationId, where), type: 2, data });
  }

  /** Sends an autocomplete INTERACTION_CREATE with `focused` the option being typed. */
  autocomplete(
    name: string,
    focused: { name: string; value: string },
    where: InteractionWhere & { subcommand?: string } = {},
  ): SentInteraction {
    const typed = [{ type: 3, name: focused.name, value: focused.value, focused: true }];
    const data = {
      id: snowflake(),
      name,
      type: 1,
      options: where.subcommand ? [{ type: 1, name: where.subcommand, options: typed }] : typed,
    };
    return this.dispatchInteraction({ ...interactionBase(this.applicationId, where), type: 4, data });
  }

  /** Sends a button click on a message the bot sent (ephemeral when `flags` has 64). */
  button(
    customId: string,
    message: { flags?: number; embeds?: unknown[]; components?: unknown[] } = {},
    where: InteractionWhere = {},
  ): SentInteraction {
    const base = interactionBase(this.applicationId, where);
    const source = fakeMessage({
      channelId: base.channel_id,
      author: this.botUser,
      body: { embeds: message.embeds ?? [], components: message.components ?? [], flags: message.flags ?? 0 },
    });
    return this.dispatchInteraction({ ...base, type: 3, data: { custom_id: customId, component_type: 2 }, message: source });
  }

  /** Closes every gateway connection with a close code, e.g. 4004 (authentication failed), after which discord.js gives up. */
  closeGateway(code: number): void {
    for (const socket of this.sockets) socket.close(code, 'closed by the fake');
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    for (const socket of this.sockets) socket.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // biome-ignore lint/suspicious/noExplicitAny: a raw gateway payload
  private dispatchInteraction(payload: any): SentInteraction {
    this.issued.set(payload.token, { atMs: this.now(), acknowledged: false });
    if (this.http.endpoint) return { id: payload.id, token: payload.token, payload, delivered: this.deliverHttp(payload) };
    // Like Discord, a guild's events go to the shard (guild_id >> 22) % shard_count; direct messages to shard 0.
    const frame = JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: ++this.sequence, d: payload });
    for (const socket of this.sockets) {
      const [id, count] = this.shardOf.get(socket) ?? [0, 1];
      const target = payload.guild_id ? Number((BigInt(payload.guild_id) >> 22n) % BigInt(count)) : 0;
      if (id === target) socket.send(frame);
    }
    return { id: payload.id, token: payload.token, payload };
  }

  // biome-ignore lint/suspicious/noExplicitAny: a raw interaction payload
  private async deliverHttp(payload: any): Promise<HttpDelivery> {
    const delivery = await this.http.deliver(payload);
    if (delivery.timedOut || delivery.status !== 200) return delivery;
    // The answer is the interaction's first response, as a callback over REST would be: record it as one.
    const path = `/interactions/${payload.id}/${payload.token}/callback`;
    if (this.acknowledge(payload.token).status === 204) {
      this.record({ method: 'POST', path, query: new URLSearchParams(), headers: { via: 'http-response' }, body: delivery.body });
    }
    return delivery;
  }

  /** Like Discord: one first answer per interaction, within 3 seconds of its creation. */
  private acknowledge(token: string): CannedResponse {
    const issued = this.issued.get(token);
    if (!issued) return { status: 204 };
    if (issued.acknowledged) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    if (this.now() - issued.atMs > INTERACTION_DEADLINE_MS) return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    issued.acknowledged = true;
    return { status: 204 };
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shardOf.delete(socket);
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) this.identify(socket, frame.d as { shard?: [number, number] });
    });
  }

  private identify(socket: WebSocket, identify: { shard?: [number, number] }): void {
    this.identifies.push(identify);
    this.shardOf.set(socket, identify.shard ?? [0, 1]);
    const ready = {
      v: 10,
      user: this.botUser,
      guilds: this.guilds.map((id) => ({ id, unavailable: true })),
      session_id: `session-${snowflake()}`,
      resume_gateway_url: this.gatewayUrl,
      shard: identify.shard ?? [0, 1],
      application: { id: this.applicationId, flags: 0 },
    };
    socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.sequence, d: ready }));
    for (const id of this.guilds) {
      socket.send(JSON.stringify({ op: 0, t: 'GUILD_CREATE', s: ++this.sequence, d: fakeGuild(id) }));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const multipart = req.headers['content-type']?.startsWith('multipart/form-data')
      ? await readMultipart(raw, req.headers['content-type'])
      : undefined;
    const text = multipart ? '' : raw.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    // discord.js asks for `/messages/%40original`: decode each segment before routing.
    const path = url.pathname
      .split('/')
      .map((segment) => decodeURIComponent(segment))
      .join('/')
      .replace(/^\/api\/v\d+/, '');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      body: multipart ? multipart.body : text && req.headers['content-type']?.includes('json') ? JSON.parse(text) : text || undefined,
      ...(multipart ? { files: multipart.files } : {}),
    };
    this.record(request);
    const tooLong = request.files?.find((file) => (file.description?.length ?? 0) > ATTACHMENT_DESCRIPTION_MAX);
    if (tooLong) {
      return send(res, 400, { message: 'Invalid Form Body', code: 50035, errors: { attachments: 'description too long' } });
    }
    const matches = (f: { method: string; path: RegExp; when?: RequestFilter }) =>
      f.method === request.method && f.path.test(path) && (f.when?.(request) ?? true);
    const failure = this.failures.findIndex(matches);
    if (failure >= 0) {
      const { response } = this.failures.splice(failure, 1)[0] as { response: CannedResponse };
      return send(res, response.status, response.body, response.headers);
    }
    const accepted = this.afterAccept.findIndex(matches);
    const answer = this.unacknowledged(request) ?? this.route(request);
    if (accepted >= 0) {
      const { then } = this.afterAccept.splice(accepted, 1)[0] as { then: AfterAccept };
      if (then.kind === 'hold') {
        this.held.add(res);
        res.on('close', () => this.held.delete(res));
        return;
      }
      if (then.kind === 'drop') {
        res.socket?.destroy();
        return;
      }
      return send(res, then.status, then.body ?? { message: 'Service unavailable', code: 0 });
    }
    send(res, answer.status, answer.body, answer.headers);
  }

  private record(request: RecordedRequest): void {
    this.requests.push(request);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(request)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(request);
      }
    }
  }

  private route(r: RecordedRequest): CannedResponse {
    const parts = r.path.split('/').filter(Boolean);
    const key = `${r.method} /${parts.map((p, i) => (PLACEHOLDER_AT[parts[0] ?? '']?.includes(i) ? ':id' : p)).join('/')}`;
    switch (key) {
      case 'GET /gateway/bot':
        return ok({
          url: this.gatewayUrl,
          shards: this.recommendedShards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        });
      case 'GET /gateway':
        return ok({ url: this.gatewayUrl });
      case 'GET /users/@me':
        return ok(this.botUser);
      case 'GET /applications/:id/commands':
        return ok(this.commands.get('global') ?? []);
      case 'PUT /applications/:id/commands':
        return ok(this.storeCommands('global', r.body));
      case 'GET /applications/:id/guilds/:id/commands':
        return ok(this.commands.get(parts[3] ?? '') ?? []);
      case 'PUT /applications/:id/guilds/:id/commands':
        return ok(this.storeCommands(parts[3] ?? '', r.body));
      case 'POST /interactions/:id/:id/callback':
        return this.acknowledge(parts[2] ?? '');
      case 'POST /webhooks/:id/:id':
      case 'PATCH /webhooks/:id/:id/messages/@original':
      case 'GET /webhooks/:id/:id/messages/@original':
        return ok(fakeMessage({ channelId: DEFAULT_CHANNEL, author: this.botUser, body: r.body ?? {} }));
      case 'DELETE /webhooks/:id/:id/messages/@original':
        return { status: 204 };
      case 'POST /channels/:id/messages':
        return ok(this.postMessage(parts[1] ?? '', r.body));
      case 'GET /channels/:id/messages':
        return this.listMessages(parts[1] ?? '', r.query);
      default:
        return { status: 404, body: { message: '404: Not Found', code: 0 } };
    }
  }

  /** Like Discord: an interaction's webhook exists once the interaction has had its first answer. */
  private unacknowledged(r: RecordedRequest): CannedResponse | undefined {
    const token = r.path.startsWith('/webhooks/') ? r.path.split('/')[3] : undefined;
    const issued = token ? this.issued.get(token) : undefined;
    if (issued && !issued.acknowledged) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
    return undefined;
  }

  // biome-ignore lint/suspicious/noExplicitAny: stored command JSON
  private storeCommands(scope: string, body: any[]): any[] {
    const existing = this.commands.get(scope) ?? [];
    const stored = body.map((command) => ({
      ...command,
      id: existing.find((e) => e.name === command.name)?.id ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      type: command.type ?? 1,
      default_member_permissions: command.default_member_permissions ?? null,
      nsfw: false,
      ...(scope === 'global' ? {} : { guild_id: scope }),
    }));
    this.commands.set(scope, stored);
    return stored;
  }

  // biome-ignore lint/suspicious/noExplicitAny: a raw message body
  private postMessage(channelId: string, body: any): unknown {
    // Like Discord: with enforce_nonce, a second post with the same nonce returns the first message, but only
    // for a few minutes; after that the nonce is forgotten and the same post makes a second message.
    const nonceKey = body?.enforce_nonce && body.nonce ? `${channelId}:${body.nonce}` : undefined;
    const earlier = nonceKey ? this.nonces.get(nonceKey) : undefined;
    if (earlier && this.now() - earlier.atMs <= this.nonceMemoryMs) return earlier.message;
    const message = fakeMessage({ channelId, author: this.botUser, body, atMs: this.now() });
    if (nonceKey) this.nonces.set(nonceKey, { message, atMs: this.now() });
    this.channelMessages.set(channelId, [...this.messagesIn(channelId), message]);
    return message;
  }

  /** Like Discord: newest first, `limit` 1-100 (more is a 400), `after`/`before` snowflakes; fetched messages carry no nonce. */
  private listMessages(channelId: string, query: URLSearchParams): CannedResponse {
    const limit = Number(query.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: { limit: 'must be 1-100' } } };
    }
    const after = query.get('after');
    const before = query.get('before');
    let messages = this.messagesIn(channelId);
    if (before) messages = messages.filter((m) => BigInt(m.id) < BigInt(before));
    // After a snowflake Discord lists the messages right after it; otherwise the newest ones.
    if (after) messages = messages.filter((m) => BigInt(m.id) > BigInt(after)).slice(0, limit);
    else messages = messages.slice(-limit);
    return ok([...messages].reverse().map(({ nonce: _nonce, ...rest }) => rest));
  }
}

/** A multipart request as discord.js sends one with files: `payload_json` plus `files[n]` parts. */
async function readMultipart(raw: Buffer, contentType: string): Promise<{ body: unknown; files: UploadedAttachment[] }> {
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  const payload = form.get('payload_json');
  // biome-ignore lint/suspicious/noExplicitAny: the JSON part of the request
  const body: any = typeof payload === 'string' ? JSON.parse(payload) : {};
  const described: { id?: unknown; description?: string }[] = body?.data?.attachments ?? body?.attachments ?? [];
  const files: UploadedAttachment[] = [];
  for (const [key, value] of form.entries()) {
    const index = /^files\[(\d+)\]$/.exec(key)?.[1];
    if (index === undefined || typeof value === 'string') continue;
    const meta = described.find((attachment) => String(attachment.id) === index);
    files.push({ name: value.name, description: meta?.description, bytes: Buffer.from(await value.arrayBuffer()) });
  }
  return { body, files };
}

export const DEFAULT_GUILD = '100000000000000001';
export const DEFAULT_CHANNEL = '200000000000000002';
export { FAKE_PERMISSIONS };

/** Which path segments are ids, per top-level resource. */
const PLACEHOLDER_AT: Record<string, number[]> = {
  applications: [1, 3],
  interactions: [1, 2],
  webhooks: [1, 2],
  channels: [1],
};

function ok(body: unknown): CannedResponse {
  return { status: 200, body };
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
