import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered SQL files of one store (`001-name.sql`, …), in order. Append new files; never edit an applied one. */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .flatMap((file) => {
      const match = /^(\d+)-(.+)\.sql$/.exec(file);
      return match ? [{ version: Number(match[1]), name: match[2]!.replaceAll('-', ' '), sql: readFileSync(join(dir, file), 'utf8') }] : [];
    })
    .sort((a, b) => a.version - b.version);
}

/**
 * Where a store's migration files live. They are read from `src/` in a checkout and in a built
 * `dist/` alike (tsc does not copy .sql files), so the path is taken from the package root.
 */
export function migrationsDir(store: 'sqlite' | 'postgres'): string {
  return fileURLToPath(new URL(`../../src/store/${store}/migrations/`, import.meta.url));
}
