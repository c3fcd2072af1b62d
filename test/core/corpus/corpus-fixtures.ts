import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The bundled seeds folder. */
export const SEEDS_DIR = new URL('../../../seeds', import.meta.url).pathname;

/** A people table small enough to read in a test. */
export const TINY_PEOPLE = JSON.stringify({
  people: [{ name: 'Xi Jinping', aliases: ['Xi', 'President Xi'], titles: ['the Chinese president'], country: 'China' }],
  countries: [{ name: 'China', aliases: ['Chinese'] }],
  places: [{ name: 'Beijing', aliases: [], country: 'China' }],
});

/** Temporary folders for one test file; `cleanup` goes in afterEach. */
export function tempFolders() {
  const made: string[] = [];
  return {
    /** A fresh folder holding `files` (name -> text or bytes). */
    folder(files: Record<string, string | Uint8Array> = {}): string {
      const dir = mkdtempSync(join(tmpdir(), 'readout-corpus-'));
      made.push(dir);
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
      return dir;
    },
    cleanup(): void {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
