import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { ingestMessages as messages } from './ingest-messages.js';
import { isPrivateAddress } from './private-address.js';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Fetch from loopback and private addresses too (the tests' local server). */
  allowPrivate: boolean;
  /** Content types (without parameters) the caller can use; anything else is refused before the body is read. */
  accept: readonly string[];
  /** Conditional GET validators from an earlier fetch. */
  etag?: string | null;
  lastModified?: string | null;
  maxRedirects?: number;
}

export type FetchOutcome =
  | { ok: true; status: 200; url: string; contentType: string; text: string; etag: string | null; lastModified: string | null }
  | { ok: true; status: 304; url: string }
  | { ok: false; code: 'bad_url' | 'private' | 'unreachable' | 'too_large' | 'wrong_type' | 'http_error' | 'redirects'; reason: string };

const USER_AGENT = 'readout (+https://github.com/readout; corpus ingest)';

/**
 * GETs a URL with a deadline, a size cap and at most five redirects, each hop checked: http(s) only, and (unless allowed)
 * no loopback or private address, checked on the address actually connected to, so a name that resolves inward is refused.
 */
export async function fetchUrl(address: string, options: FetchOptions): Promise<FetchOutcome> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = address;
  const maxRedirects = options.maxRedirects ?? 5;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    let url: URL;
    try {
      url = new URL(current);
    } catch {
      return { ok: false, code: 'bad_url', reason: messages.badUrl(current) };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, code: 'bad_url', reason: messages.badUrl(current) };
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivate && isIP(host) !== 0 && isPrivateAddress(host)) {
      return { ok: false, code: 'private', reason: messages.privateAddress(url.host) };
    }
    let response: IncomingMessage;
    try {
      response = await get(url, options, signal);
    } catch (error) {
      if ((error as { code?: string }).code === 'READOUT_PRIVATE')
        return { ok: false, code: 'private', reason: messages.privateAddress(url.host) };
      const reason = signal.aborted ? messages.timedOut(options.timeoutMs) : describe(error);
      return { ok: false, code: 'unreachable', reason: messages.unreachable(url.host, reason) };
    }
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && status !== 304 && response.headers.location) {
      response.resume();
      current = new URL(response.headers.location, url).toString();
      continue;
    }
    if (status === 304) {
      response.resume();
      return { ok: true, status: 304, url: url.toString() };
    }
    if (status !== 200) {
      response.resume();
      return { ok: false, code: 'http_error', reason: messages.httpStatus(url.host, status) };
    }
    const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!options.accept.includes(contentType)) {
      response.resume();
      return { ok: false, code: 'wrong_type', reason: messages.wrongType(contentType || 'no content type') };
    }
    const declared = Number(response.headers['content-length'] ?? Number.NaN);
    if (declared > options.maxBytes) {
      response.destroy();
      return { ok: false, code: 'too_large', reason: messages.tooLarge(options.maxBytes) };
    }
    const body = await readCapped(response, options.maxBytes, signal);
    if (body === 'too_large') return { ok: false, code: 'too_large', reason: messages.tooLarge(options.maxBytes) };
    if (body instanceof Error) return { ok: false, code: 'unreachable', reason: messages.unreachable(url.host, describe(body)) };
    return {
      ok: true,
      status: 200,
      url: url.toString(),
      contentType,
      text: decode(body, response.headers['content-type'] ?? ''),
      etag: headerOf(response, 'etag'),
      lastModified: headerOf(response, 'last-modified'),
    };
  }
  return { ok: false, code: 'redirects', reason: messages.tooManyRedirects(maxRedirects) };
}

function get(url: URL, options: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = !options.allowPrivate && addresses.some((a) => isPrivateAddress(a.address));
      if (refused) return callback(Object.assign(new Error('private address'), { code: 'READOUT_PRIVATE' }), '', 0);
      if (lookupOptions.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: options.accept.join(', ') };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers, lookup: guardedLookup, signal }, resolve);
    req.on('error', reject);
    req.end();
  });
}

function readCapped(response: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer | 'too_large' | Error> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Settle first: destroying emits 'aborted' at once.
        resolve('too_large');
        response.destroy();
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', (error) => resolve(signal.aborted ? new Error('timed out') : error));
    response.on('aborted', () => resolve(new Error('the connection closed early')));
  });
}

function decode(body: Buffer, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

function headerOf(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === 'string' ? value : null;
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}
