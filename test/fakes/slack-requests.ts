import { createHmac } from 'node:crypto';
import { type ClientRequest, request } from 'node:http';

/** What a signed request to the adapter got back. */
export interface SlackHttpAnswer {
  status: number;
  body: string;
}

export interface SignOptions {
  secret: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  retryNum?: number;
  /** Overrides the computed signature (to send a bad one). */
  signature?: string;
}

/** Slack's v0 signature: HMAC-SHA256 over `v0:<timestamp>:<body>` with the signing secret. */
export function signSlackBody(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a form-encoded body exactly as Slack does, signed, on a fresh connection. */
export function postSigned(url: string, body: string, options: SignOptions): Promise<SlackHttpAnswer> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': String(Buffer.byteLength(body)),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? signSlackBody(options.secret, timestamp, body),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return send(url, 'POST', headers, body);
}

/** POSTs an Events API envelope (JSON), signed, as Slack delivers events. */
export function postSignedEvent(url: string, envelope: Record<string, unknown>, options: SignOptions): Promise<SlackHttpAnswer> {
  const body = JSON.stringify(envelope);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signSlackBody(options.secret, timestamp, body),
  };
  return send(url, 'POST', headers, body);
}

export function getUrl(url: string, headers: Record<string, string> = {}): Promise<SlackHttpAnswer> {
  return send(url, 'GET', headers, undefined);
}

function send(url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<SlackHttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export interface Who {
  team?: string;
  /** The Enterprise Grid org of the workspace, sent as `enterprise_id`. */
  enterprise?: string;
  /** The app is installed org-wide (`is_enterprise_install=true`). */
  orgInstall?: boolean;
  channel?: string;
  /** `channel_name` as Slack sends it with a slash command: `directmessage` in a DM. Default `general`. */
  channelName?: string;
  user?: string;
}

/** A slash command body as Slack sends it (application/x-www-form-urlencoded). */
export function slashCommandBody(input: { command: string; text: string; responseUrl: string; triggerId: string } & Who): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: input.team ?? 'T0FAKE',
    team_domain: 'fake',
    channel_id: input.channel ?? 'C0GENERAL',
    channel_name: input.channelName ?? 'general',
    user_id: input.user ?? 'U0ASKER',
    user_name: 'asker',
    command: input.command,
    text: input.text,
    api_app_id: 'A0READOUT',
    is_enterprise_install: input.orgInstall ? 'true' : 'false',
    ...(input.enterprise ? { enterprise_id: input.enterprise } : {}),
    response_url: input.responseUrl,
    trigger_id: input.triggerId,
  }).toString();
}

export type ClickInput = { actionId: string; value: string; responseUrl: string; triggerId: string; ephemeral: boolean } & Who;

/** A block_actions body for one clicked button, as the `payload=` form field Slack sends over HTTP. */
export function blockActionBody(input: ClickInput): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionPayload(input)) }).toString();
}

/** The block_actions payload itself (Socket Mode sends it as an `interactive` envelope's payload). */
export function blockActionPayload(input: ClickInput): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: input.user ?? 'U0ASKER', username: 'asker', name: 'asker', team_id: input.team ?? 'T0FAKE' },
    api_app_id: 'A0READOUT',
    token: 'deprecated-verification-token',
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: input.channel ?? 'C0GENERAL',
      is_ephemeral: input.ephemeral,
    },
    trigger_id: input.triggerId,
    team: { id: input.team ?? 'T0FAKE', domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: input.channel ?? 'C0GENERAL', name: 'general' },
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [
      {
        action_id: input.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'button', emoji: false },
        value: input.value,
        type: 'button',
        action_ts: '1700000001.000200',
      },
    ],
  };
}

/** One request as an attacker sends it: the path exactly as written (no URL normalisation), any headers. */
export function postRaw(options: {
  port: number;
  path: string;
  body: string;
  headers?: Record<string, string | string[]>;
}): Promise<SlackHttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port,
        path: options.path,
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(Buffer.byteLength(options.body)),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The two headers a signed request carries, for `postRaw`. */
export function signatureHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signSlackBody(secret, timestamp, body) };
}

/** A POST to the adapter's /slack/events whose body the test writes itself (chunked, slowly, or never finished), and the status it gets. */
export function openRawPost(port: number, headers: Record<string, string>): { req: ClientRequest; status: Promise<number> } {
  let req!: ClientRequest;
  const status = new Promise<number>((resolve, reject) => {
    req = request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', agent: false, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
  return { req, status };
}
