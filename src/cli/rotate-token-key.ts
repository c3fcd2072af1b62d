import type { TokenSealer } from '../core/secrets/token-sealer.js';
import type { InstallationStorePort } from '../core/store/installation-types.js';

export interface RotationResult {
  resealed: number;
  alreadyCurrent: number;
  /** Installations whose value no listed key opens, by key (never their contents). */
  failed: { key: string; reason: string }[];
}

/**
 * Re-seals every installation under the sealer's current key, each under the store's row lock so a token
 * refresh in a running process and the rotation never overwrite each other. Safe to run again.
 */
export async function rotateTokenKey(store: InstallationStorePort, sealer: TokenSealer): Promise<RotationResult> {
  const result: RotationResult = { resealed: 0, alreadyCurrent: 0, failed: [] };
  for (const { key } of await store.listInstallations()) {
    try {
      await store.updateInstallationLocked(key, async (current) => {
        if (current.keyId === sealer.currentKeyId) {
          result.alreadyCurrent++;
          return undefined;
        }
        const plain = sealer.open(current.sealed, current.key);
        result.resealed++;
        return { ...sealer.seal(plain, current.key), tokenExpiresAt: current.tokenExpiresAt, refreshed: false };
      });
    } catch (error) {
      result.failed.push({ key, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
