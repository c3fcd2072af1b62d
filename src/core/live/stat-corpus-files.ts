import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { PEOPLE_FILE } from '../names/load-gazetteer.js';

const CORPUS_FILE = /\.(txt|md)$|\.meta\.json$/i;

/** Whether a file name is part of a corpus: a document, a sidecar or the people table (dotfiles never are). */
export function isCorpusFile(name: string): boolean {
  return !name.startsWith('.') && (name === PEOPLE_FILE || CORPUS_FILE.test(name) || ['.txt', '.md'].includes(extname(name).toLowerCase()));
}

/**
 * A hash of the corpus files' names, sizes and modification times: a cheap check that nothing changed since a
 * snapshot was written (as git's index does), so a warm start does not read and hash every file. Null when the folder cannot be listed.
 */
export function statCorpusFiles(dir: string): string | null {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isCorpusFile).sort();
  } catch {
    return null;
  }
  const hash = createHash('sha256');
  for (const name of names) {
    try {
      const stat = statSync(join(dir, name), { bigint: true });
      hash.update(`${name}\0${stat.size}\0${stat.mtimeNs}\0${stat.ino}\n`);
    } catch {
      hash.update(`${name}\0gone\n`);
    }
  }
  return hash.digest('hex');
}
