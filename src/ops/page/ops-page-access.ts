import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { html } from './html.js';

/** Who may see /ops on one listener: everyone who reaches it (the ops port on loopback), holders of the token, or nobody. */
export type PageAccess = { kind: 'open' } | { kind: 'token'; token: string } | { kind: 'none' };

const COOKIE = 'readout_ops';
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const MAX_FORM_BYTES = 4_096;

/**
 * /ops is open on the ops port (READOUT_OPS_PORT) while it listens on loopback; anywhere else (the ops port
 * opened wider, or PORT when there is no ops port) only with READOUT_OPS_TOKEN; without a token, not at all.
 */
export function pageAccessFor(exposure: 'public' | 'private', host: string | undefined, token: string | undefined): PageAccess {
  if (exposure === 'private' && host !== undefined && LOOPBACK.has(host)) return { kind: 'open' };
  return token ? { kind: 'token', token } : { kind: 'none' };
}

/** Whether the request may see the page: the token as a bearer token, or the sign-in cookie it earned. */
export function mayViewPage(req: IncomingMessage, access: PageAccess): boolean {
  if (access.kind === 'open') return true;
  if (access.kind === 'none') return false;
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined && sameSecret(bearer, access.token)) return true;
  const cookie = readCookie(req, COOKIE);
  return cookie !== undefined && sameSecret(cookie, sessionValue(access.token));
}

/**
 * GET /ops/login shows the sign-in form; POST /ops/login with the right token sets an HTTP-only,
 * SameSite=Strict cookie (an HMAC of the token, never the token) and sends the browser to /ops.
 */
export async function handleSignIn(
  req: IncomingMessage,
  res: ServerResponse,
  access: PageAccess,
  headers: Record<string, string>,
): Promise<void> {
  if (access.kind !== 'token') {
    res.writeHead(404, { ...headers, 'content-type': 'application/json' }).end('{"error":"not found"}');
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(signInPage(undefined));
    return;
  }
  const form = new URLSearchParams(await readForm(req));
  if (!sameSecret(form.get('token') ?? '', access.token)) {
    res.writeHead(401, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(signInPage('That is not the token.'));
    return;
  }
  res.writeHead(303, {
    ...headers,
    location: '/ops',
    'set-cookie': `${COOKIE}=${sessionValue(access.token)}; HttpOnly; SameSite=Strict; Path=/ops; Max-Age=43200`,
  });
  res.end();
}

/** The sign-in page: a form posting the token to /ops/login; no script, no value echoed back. */
export function signInPage(message: string | undefined): string {
  return `<!doctype html>\n${
    html`<html lang="en"><head><meta charset="utf-8"><title>readout operations: sign in</title>
<link rel="stylesheet" href="/ops/ops.css"><link rel="icon" href="/ops/favicon.svg"></head>
<body><h1>readout operations</h1><p>Sign in with READOUT_OPS_TOKEN.</p>${message ? html`<p class="bad">${message}</p>` : ''}
<form method="post" action="/ops/login"><label>Token<input name="token" type="password" autocomplete="current-password" required></label><button type="submit">Sign in</button></form>
</body></html>`.value
  }\n`;
}

function sessionValue(token: string): string {
  return createHmac('sha256', token).update('readout-ops-session-v1').digest('base64url');
}

/** Constant-time comparison of two secrets of any length (both hashed to one length first). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function readForm(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        req.destroy();
        reject(new Error('sign-in form too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
