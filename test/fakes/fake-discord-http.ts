import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** What the endpoint answered to one delivery; `timedOut` when it took longer than Discord's 3 seconds. */
export interface HttpDelivery {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the endpoint's JSON answer
  body: any;
  timedOut: boolean;
}

/** Discord waits this long for the HTTP answer to an interaction, then tells the user it failed. */
export const INTERACTION_DEADLINE_MS = 3_000;

/**
 * The HTTP delivery side of Discord's interactions: signs each request with the application's Ed25519 key
 * (X-Signature-Ed25519 over X-Signature-Timestamp + body), POSTs it to the endpoint, and gives up after 3 s.
 * It also sends what Discord sends when an endpoint URL is saved: a PING, and requests with bad signatures
 * that the endpoint must refuse with 401, or Discord will not accept (or keep) it.
 */
export class FakeDiscordHttp {
  private readonly privateKey: KeyObject;
  /** The public key as the developer portal shows it: 64 hex characters. */
  readonly publicKeyHex: string;
  endpoint: string | undefined;

  constructor(private readonly nowMs: () => number) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.publicKeyHex = Buffer.from(String(jwk.x), 'base64url').toString('hex');
  }

  /** Headers signing `body` at `timestampSeconds` (default: the fake's now) with `key` (default: the application's). */
  signedHeaders(body: string, timestampSeconds?: number, key: KeyObject = this.privateKey): Record<string, string> {
    const timestamp = String(timestampSeconds ?? Math.floor(this.nowMs() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), key).toString('hex');
    return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
  }

  /** POSTs `body` with `headers`; an answer later than the deadline counts as none, as at Discord. */
  async post(body: string, headers: Record<string, string>): Promise<HttpDelivery> {
    if (!this.endpoint) throw new Error('the fake has no interactions endpoint; call deliverOverHttp(url) first');
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(INTERACTION_DEADLINE_MS),
      });
      const text = await response.text();
      return { status: response.status, body: text ? safeJson(text) : undefined, timedOut: false };
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') return { status: 0, body: undefined, timedOut: true };
      throw error;
    }
  }

  /** A signed interaction, as Discord delivers it. */
  deliver(payload: unknown): Promise<HttpDelivery> {
    const body = JSON.stringify(payload);
    return this.post(body, this.signedHeaders(body));
  }

  /** The PING Discord sends when the endpoint URL is saved; it expects `{"type":1}` back. */
  ping(applicationId: string): Promise<HttpDelivery> {
    return this.deliver({ id: '1', application_id: applicationId, type: 1, token: 'ping-token', version: 1 });
  }

  /** Requests with missing, wrong, tampered and stale signatures; each must be answered 401. */
  async probeBadSignatures(applicationId: string): Promise<{ probe: string; status: number }[]> {
    const body = JSON.stringify({ id: '2', application_id: applicationId, type: 1, token: 'probe-token', version: 1 });
    const good = this.signedHeaders(body);
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    const nowSeconds = Math.floor(this.nowMs() / 1000);
    const probes: [string, string, Record<string, string>][] = [
      ['no signature headers', body, { 'content-type': 'application/json' }],
      ['no timestamp', body, { 'content-type': 'application/json', 'x-signature-ed25519': good['x-signature-ed25519'] ?? '' }],
      ['signed by another key', body, this.signedHeaders(body, undefined, otherKey)],
      ['body changed after signing', body.replace('"type":1', '"type":1 '), good],
      ['timestamp changed after signing', body, { ...good, 'x-signature-timestamp': String(nowSeconds + 1) }],
      ['signature not hex', body, { ...good, 'x-signature-ed25519': 'z'.repeat(128) }],
      ['signature truncated', body, { ...good, 'x-signature-ed25519': (good['x-signature-ed25519'] ?? '').slice(0, 64) }],
      ['signed ten minutes ago', body, this.signedHeaders(body, nowSeconds - 600)],
      ['signed ten minutes ahead', body, this.signedHeaders(body, nowSeconds + 600)],
    ];
    const results: { probe: string; status: number }[] = [];
    for (const [probe, probeBody, headers] of probes) results.push({ probe, status: (await this.post(probeBody, headers)).status });
    return results;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
