import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenSealer, keyIdOf, parseTokenKey } from '../../../src/core/secrets/token-sealer.js';

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const TOKEN = 'xoxb-1234-secret-token';

describe('token sealer', () => {
  it('seals with the first key, names it, and never shows the token', () => {
    const sealer = createTokenSealer([newKey, oldKey]);
    const { sealed, keyId } = sealer.seal(TOKEN, 'T:T1');
    expect(keyId).toBe(keyIdOf(newKey));
    expect(sealed.split('.')[1]).toBe(keyId);
    expect(sealed).not.toContain(TOKEN);
    expect(sealer.open(sealed, 'T:T1')).toBe(TOKEN);
    // A new IV each time: the same token never seals the same way twice.
    expect(sealer.seal(TOKEN, 'T:T1').sealed).not.toBe(sealed);
  });

  it('opens values sealed with an older listed key, and refuses a key that is gone', () => {
    const before = createTokenSealer([oldKey]).seal(TOKEN, 'T:T1').sealed;
    expect(createTokenSealer([newKey, oldKey]).open(before, 'T:T1')).toBe(TOKEN);
    expect(() => createTokenSealer([newKey]).open(before, 'T:T1')).toThrow(
      `sealed with key ${keyIdOf(oldKey)}, which READOUT_TOKEN_KEY does not list`,
    );
  });

  it.each([
    ['another row', (s: string) => s, 'T:T2'],
    ['a changed byte', (s: string) => `${s.slice(0, -2)}${s.endsWith('A') ? 'B' : 'A'}${s.slice(-1)}`, 'T:T1'],
    [
      'a changed tag',
      (s: string) => s.replace(/\.([^.]+)\.([^.]+)$/, (_m, tag: string, data: string) => `.${tag.split('').reverse().join('')}.${data}`),
      'T:T1',
    ],
  ])('refuses a value moved to %s or tampered with, without quoting it', (_name, change, context) => {
    const sealer = createTokenSealer([newKey]);
    const sealed = change(sealer.seal(TOKEN, 'T:T1').sealed);
    let message = '';
    try {
      sealer.open(sealed, context);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/does not open/);
    expect(message).not.toContain(TOKEN);
  });

  it.each([
    [newKey.toString('hex'), true],
    [newKey.toString('base64'), true],
    [newKey.toString('base64url'), true],
    ['too-short', false],
    [randomBytes(16).toString('hex'), false],
  ])('reads a key from %s: %s', (text, ok) => {
    expect(parseTokenKey(text) !== undefined).toBe(ok);
  });
});
