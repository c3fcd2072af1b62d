import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** How far a signed timestamp may be from our clock before the request counts as old (or from the future). */
export const SIGNATURE_MAX_AGE_SECONDS = 300;

/**
 * The application's public key (64 hex characters from the developer portal) as a key node:crypto verifies with;
 * throws a readable error for anything else, so a pasted typo stops start-up instead of refusing every request.
 */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    throw new Error('DISCORD_PUBLIC_KEY must be the 64 hex characters shown as "Public Key" in the Discord developer portal');
  }
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') }, format: 'jwk' });
}

export type SignatureVerdict = 'ok' | 'missing' | 'bad' | 'old';

/**
 * Discord's check, as it documents it: an Ed25519 signature (`X-Signature-Ed25519`, hex) over the
 * `X-Signature-Timestamp` header followed by the raw body, exactly the bytes that will be parsed. A timestamp
 * more than five minutes away from `nowSeconds` is refused too, so a captured request cannot be replayed later.
 */
export function verifyInteractionSignature(input: {
  publicKey: KeyObject;
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
  nowSeconds: number;
}): SignatureVerdict {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return 'missing';
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'bad';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), input.body]);
  if (!verify(null, signed, input.publicKey, Buffer.from(signature, 'hex'))) return 'bad';
  // Checked after the signature, so only a genuine but stale request is reported as old.
  if (Math.abs(input.nowSeconds - Number(timestamp)) > SIGNATURE_MAX_AGE_SECONDS) return 'old';
  return 'ok';
}
