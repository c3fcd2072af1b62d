import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Seals and opens secrets (tokens) with AES-256-GCM; the first key seals, every listed key opens. */
export interface TokenSealer {
  /** The id of the key new values are sealed with. */
  readonly currentKeyId: string;
  /** Encrypts `plain`, bound to `context` (e.g. the installation key) so a sealed value cannot be moved to another row. */
  seal(plain: string, context: string): { sealed: string; keyId: string };
  /** Decrypts a sealed value; throws a message without any secret when the key is gone or the value was changed. */
  open(sealed: string, context: string): string;
}

/** Why a sealed value cannot be opened; the message names key ids only. */
export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

const VERSION = 'v1';

/** A key's id: the first 8 hex characters of its SHA-256, so the id says which key without revealing it. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/** A 32-byte key from 64 hex characters or base64 (44 characters); undefined for anything else. */
export function parseTokenKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const key = Buffer.from(trimmed.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
    return key.length === 32 ? key : undefined;
  }
  return undefined;
}

/**
 * A sealer over the keys in order (READOUT_TOKEN_KEY lists the new key first, old ones after it until
 * `readout slack rotate-key` has re-sealed everything). Sealed values read `v1.<key id>.<iv>.<tag>.<data>`.
 */
export function createTokenSealer(keys: readonly Buffer[]): TokenSealer {
  const first = keys[0];
  if (!first) throw new SealError('no token key given');
  const byId = new Map(keys.map((key) => [keyIdOf(key), key]));
  const currentKeyId = keyIdOf(first);
  return {
    currentKeyId,
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', first, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [
        VERSION,
        currentKeyId,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        data.toString('base64url'),
      ];
      return { sealed: parts.join('.'), keyId: currentKeyId };
    },
    open(sealed, context) {
      const [version, keyId, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || !keyId || !iv || !tag || data === undefined) throw new SealError('not a sealed value');
      const key = byId.get(keyId);
      if (!key) throw new SealError(`sealed with key ${keyId}, which READOUT_TOKEN_KEY does not list`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SealError(`a value sealed with key ${keyId} does not open: it was changed, or belongs to another row`);
      }
    },
  };
}
