import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { FakeSlackOAuth } from './fake-slack-oauth.js';

/** One Web API call as the fake received it; JSON-looking form fields (blocks, metadata) are parsed. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  authorization: string | undefined;
}

/** One POST to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

/** A canned answer for the next call of a method: an HTTP status with headers and a JSON body. */
export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: Record<string, unknown>;
}

interface StoredMessage {
  ts: string;
  text: unknown;
  metadata?: unknown;
  /** Set on messages the bot posted (chat.postMessage), absent on people's chatter. */
  bot_id?: string;
}

/** A file shared through files.uploadV2, as the fake assembled it from its three calls. */
export interface UploadedFile {
  id: string;
  filename: string;
  title: unknown;
  altText: unknown;
  channel: string;
  bytes: Buffer;
}

/** Slack's documented cap on an upload's alt text. */
export const UPLOAD_ALT_TEXT_MAX = 1000;

/** What the fake does with a post it has accepted (the message exists): answer never, drop the connection, or an error. */
export type AfterAccept = { kind: 'hold' } | { kind: 'drop' } | { kind: 'status'; status: number; body?: Record<string, unknown> };

/** Slack's current limits on conversations.history for apps outside the Marketplace. */
export const HISTORY_MAX_MESSAGES = 15;
export const HISTORY_CALLS_PER_MINUTE = 1;

/**
 * A local stand-in for Slack: the Web API (`/api/<method>`), response_urls (`/response/<id>`) and,
 * on demand, the Socket Mode WebSocket. It records everything and can answer 429, 5xx or errors.
 */
export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  /** Messages each channel holds, for conversations.history. */
  readonly channels = new Map<string, StoredMessage[]>();
  private readonly scripts = new Map<string, ScriptedAnswer[]>();
  private readonly waiters = new Set<() => void>();
  private readonly server: Server;
  private socketServer: WebSocketServer | undefined;
  private readonly sockets = new Set<WebSocket>();
  readonly socketMessages: Record<string, unknown>[] = [];
  /** Files completed into a channel; an upload that was never completed is not a file anyone sees. */
  readonly files: UploadedFile[] = [];
  /** Uploads announced by files.getUploadURLExternal, with the bytes once posted to their upload_url. */
  private readonly pendingUploads = new Map<string, { filename: string; length: number; altText: unknown; bytes?: Buffer }>();
  private fileCounter = 0;
  /** Channels the bot is not a member of: uploads there fail with not_in_channel, as Slack's do. */
  readonly notInChannels = new Set<string>();
  /** The fake's "now" in Slack seconds; message ts count up from it. Tests set it to place posts in time. */
  nowSeconds = Math.floor(Date.now() / 1000);
  private tsCounter = 0;
  private readonly afterAccept: { method: string; then: AfterAccept }[] = [];
  private readonly held = new Set<ServerResponse>();
  /** When (fake seconds) each conversations.history call was answered, for the per-minute limit. */
  private readonly historyCalls: number[] = [];
  /** Workspace members users.info knows, with their roles; anyone else is `user_not_found`. */
  readonly users = new Map<string, { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean }>();
  /** Model the one-call-a-minute limit of conversations.history (on by default, as for most apps). */
  limitHistoryRate = true;
  /** Members by workspace, for tokens issued through OAuth: users.info answers from the token's own workspace. */
  readonly teamUsers = new Map<string, Map<string, { is_admin?: boolean; is_owner?: boolean }>>();
  /** Installs through OAuth: codes, oauth.v2.access, and which workspace each issued token belongs to. */
  readonly oauth = new FakeSlackOAuth(() => this.nowSeconds);
  port = 0;

  private constructor() {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
  }

  static async start(): Promise<FakeSlackApi> {
    const fake = new FakeSlackApi();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** Queues answers for the next calls of a method, in order; after them the normal answer resumes. */
  script(method: string, ...answers: ScriptedAnswer[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...answers]);
  }

  /** The next call of a method is carried out (a post exists), then answered as told. */
  afterAcceptNext(method: string, then: AfterAccept): void {
    this.afterAccept.push({ method, then });
  }

  /** Moves the fake's clock on (message ts, the history rate limit). */
  advance(ms: number): void {
    this.nowSeconds += ms / 1000;
  }

  /** Messages the bot posted to a channel, newest first. */
  botMessages(channel: string): StoredMessage[] {
    return (this.channels.get(channel) ?? []).filter((m) => m.bot_id);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(id: string): ResponsePost[] {
    return this.responses.filter((post) => post.id === id);
  }

  /** Resolves once the condition holds (checked after every recorded request): no polling, no sleeps. */
  waitFor(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = () => {
        if (!condition()) return;
        this.waiters.delete(waiter);
        resolve();
      };
      this.waiters.add(waiter);
    });
  }

  /** Starts the Socket Mode side: apps.connections.open then hands out this WebSocket URL. */
  async startSocket(): Promise<void> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    this.socketServer = wss;
    wss.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => {
        this.socketMessages.push(JSON.parse(String(data)) as Record<string, unknown>);
        this.notify();
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } }));
    });
  }

  /** Adds plain messages to a channel, as if people had talked after our post. */
  chatter(channel: string, count: number): void {
    const messages = this.channels.get(channel) ?? [];
    for (let i = 0; i < count; i++)
      messages.unshift({ ts: `${Math.floor(this.nowSeconds)}.${String(++this.tsCounter).padStart(6, '0')}`, text: `chatter ${i}` });
    this.channels.set(channel, messages);
  }

  /** Sends a Socket Mode envelope to every connected client. */
  sendEnvelope(envelope: Record<string, unknown>): void {
    for (const socket of this.sockets) socket.send(JSON.stringify(envelope));
  }

  get socketConnections(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    for (const socket of this.sockets) socket.terminate();
    if (this.socketServer) await new Promise<void>((resolve) => this.socketServer!.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/upload/')) {
      // The upload_url takes the raw file or a multipart form holding it (the SDK sends the form); Slack
      // rejects a file whose size differs from the length announced in files.getUploadURLExternal.
      const pending = this.pendingUploads.get(path.slice('/upload/'.length));
      const file = await uploadedBytes(bytes, req.headers['content-type']);
      if (!pending || !file || file.length !== pending.length) {
        res.writeHead(400).end('bad upload');
      } else {
        pending.bytes = file;
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${file.length}`);
      }
      this.notify();
      return;
    }
    if (path.startsWith('/response/')) {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      this.responses.push({ id: path.slice('/response/'.length), body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      this.notify();
      return;
    }
    if (!path.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = path.slice('/api/'.length);
    const params = parseParams(raw, req.headers['content-type']);
    this.calls.push({ method, params, authorization: req.headers.authorization });
    const scripted = this.scripts.get(method)?.shift();
    const token = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? (typeof params['token'] === 'string' ? params['token'] : '');
    const answer = scripted ?? this.limited(method) ?? { body: this.answerAs(token, method, params) };
    const acceptedAt = scripted ? -1 : this.afterAccept.findIndex((a) => a.method === method);
    if (acceptedAt >= 0) {
      const { then } = this.afterAccept.splice(acceptedAt, 1)[0] as { then: AfterAccept };
      this.notify();
      if (then.kind === 'hold') {
        this.held.add(res);
        res.on('close', () => this.held.delete(res));
        return;
      }
      if (then.kind === 'drop') {
        res.socket?.destroy();
        return;
      }
      res.writeHead(then.status, { 'content-type': 'application/json' }).end(JSON.stringify(then.body ?? { ok: false }));
      return;
    }
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
    res.end(JSON.stringify(answer.body ?? { ok: true }));
    this.notify();
  }

  /** A 429 for a conversations.history call over the per-minute limit, by the fake's clock. */
  private limited(method: string): ScriptedAnswer | undefined {
    if (method !== 'conversations.history' || !this.limitHistoryRate) return undefined;
    const recent = this.historyCalls.filter((at) => at > this.nowSeconds - 60);
    if (recent.length >= HISTORY_CALLS_PER_MINUTE) {
      const retryAfter = Math.max(1, Math.ceil(Math.min(...recent) + 60 - this.nowSeconds));
      return { status: 429, headers: { 'retry-after': String(retryAfter) }, body: { ok: false, error: 'ratelimited' } };
    }
    this.historyCalls.push(this.nowSeconds);
    return undefined;
  }

  /** Tokens the OAuth side issued answer as their workspace, and only while they work; others get the single-workspace answers. */
  private answerAs(token: string, method: string, params: Record<string, unknown>): Record<string, unknown> {
    if (method === 'oauth.v2.access') return this.oauth.access(params);
    if (!this.oauth.knows(token)) return this.answer(method, params);
    if (method === 'auth.test') return this.oauth.authTest(token) ?? { ok: false, error: 'invalid_auth' };
    if (!this.oauth.works(token)) return { ok: false, error: this.oauth.authTest(token)?.['error'] ?? 'invalid_auth' };
    if (method === 'users.info') {
      const team = this.oauth.workspaceOf(token) ?? '';
      const roles = this.teamUsers.get(team)?.get(String(params['user']));
      if (!roles) return { ok: false, error: 'user_not_found' };
      return { ok: true, user: { id: params['user'], team_id: team, is_admin: false, is_owner: false, ...roles } };
    }
    return this.answer(method, params);
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'readout',
          team_id: 'T0FAKE',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'apps.connections.open': {
        const address = this.socketServer?.address() as AddressInfo | undefined;
        return address ? { ok: true, url: `ws://127.0.0.1:${address.port}/link` } : { ok: false, error: 'socket_not_started' };
      }
      case 'chat.postMessage': {
        const channel = String(params['channel']);
        const ts = `${Math.floor(this.nowSeconds)}.${String(++this.tsCounter).padStart(6, '0')}`;
        const messages = this.channels.get(channel) ?? [];
        messages.unshift({ ts, text: params['text'], bot_id: 'B0BOT', ...(params['metadata'] ? { metadata: params['metadata'] } : {}) });
        this.channels.set(channel, messages);
        return { ok: true, channel, ts, message: { ts, text: params['text'] } };
      }
      case 'files.getUploadURLExternal': {
        const length = Number(params['length']);
        const altText = params['alt_text'] ?? params['alt_txt'];
        if (!params['filename'] || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
        if (typeof altText === 'string' && altText.length > UPLOAD_ALT_TEXT_MAX) return { ok: false, error: 'invalid_arguments' };
        const id = `F${String(++this.fileCounter).padStart(6, '0')}`;
        this.pendingUploads.set(id, { filename: String(params['filename']), length, altText });
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const channel = String(params['channel_id'] ?? '');
        const listed = Array.isArray(params['files']) ? (params['files'] as { id?: string; title?: unknown }[]) : [];
        if (listed.length === 0) return { ok: false, error: 'invalid_arguments' };
        if (channel && this.notInChannels.has(channel)) return { ok: false, error: 'not_in_channel' };
        const completed: UploadedFile[] = [];
        for (const entry of listed) {
          const pending = this.pendingUploads.get(String(entry.id));
          // A file whose bytes never arrived cannot be completed.
          if (!pending?.bytes) return { ok: false, error: 'file_not_found' };
          completed.push({
            id: String(entry.id),
            filename: pending.filename,
            title: entry.title,
            altText: pending.altText,
            channel,
            bytes: pending.bytes,
          });
        }
        for (const file of completed) this.pendingUploads.delete(file.id);
        this.files.push(...completed);
        return { ok: true, files: completed.map((file) => ({ id: file.id, title: file.title })) };
      }
      case 'users.info': {
        const id = String(params['user']);
        const roles = this.users.get(id);
        if (!roles) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id, team_id: 'T0FAKE', name: id.toLowerCase(), is_admin: false, is_owner: false, ...roles } };
      }
      case 'conversations.history': {
        // Newest first, from `oldest` on, `limit` per page but never more than Slack's 15; the cursor is the
        // offset of the next page.
        const oldest = Number(params['oldest'] ?? 0);
        const messages = (this.channels.get(String(params['channel'])) ?? []).filter((m) => Number(m.ts) >= oldest);
        const withMetadata = params['include_all_metadata'] === 'true' || params['include_all_metadata'] === true;
        const limit = Math.min(HISTORY_MAX_MESSAGES, Number(params['limit'] ?? 100));
        const offset = Number(params['cursor'] ?? 0);
        const page = messages.slice(offset, offset + limit);
        const more = offset + limit < messages.length;
        return {
          ok: true,
          has_more: more,
          messages: page.map(({ metadata, ...rest }) => (withMetadata && metadata ? { ...rest, metadata } : rest)),
          response_metadata: { next_cursor: more ? String(offset + limit) : '' },
        };
      }
      default:
        return { ok: true };
    }
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The file of an upload_url POST: the body itself, or the one file part of a multipart form. */
async function uploadedBytes(body: Buffer, contentType: string | undefined): Promise<Buffer | undefined> {
  if (!contentType?.startsWith('multipart/form-data')) return body;
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  const parts = [...form.values()].flatMap((value) => (typeof value === 'string' ? [] : [value]));
  return parts.length === 1 ? Buffer.from(await parts[0]!.arrayBuffer()) : undefined;
}

function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return params;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
