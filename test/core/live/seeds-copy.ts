import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SEEDS = resolve(import.meta.dirname, '../../../seeds');

/** A private copy of the bundled seeds and an empty cache folder, removed by `remove`. */
export function seedsCopy(): { dir: string; cacheDir: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'readout-live-'));
  const dir = join(root, 'seeds');
  cpSync(SEEDS, dir, { recursive: true });
  return { dir, cacheDir: join(root, 'cache'), remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A readout that only a new document contains. */
export const NEW_DOCUMENT = [
  'BEIJING, March 3 (Xinhua) — Chinese President Xi Jinping met with the visiting delegation of Zanzibarquay in Beijing on Monday.',
  '',
  'Xi said that China is ready to work with Zanzibarquay to deepen cooperation in trade and ports.',
  '',
].join('\n');
