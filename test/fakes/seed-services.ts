import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServices } from '../../src/build-services.js';
import type { Services } from '../../src/commands/command.js';
import { silentLogger } from '../../src/core/logger.js';

export const SEEDS_DIR = resolve(import.meta.dirname, '../../seeds');

/** Real services over the bundled seeds, with an in-memory store and a throwaway index cache. */
export function seedServices(options: { databaseUrl?: string; defaultTimezone?: string } = {}): Promise<Services> {
  return buildServices({
    seedsDir: SEEDS_DIR,
    databaseUrl: options.databaseUrl ?? 'sqlite::memory:',
    cacheDir: join(mkdtempSync(join(tmpdir(), 'readout-cache-')), 'cache'),
    defaultTimezone: options.defaultTimezone ?? 'UTC',
    nearbyWindow: 7,
    logger: silentLogger,
  });
}
