import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_PEOPLE, BENCH_PLACES, BENCH_SOURCES, seededRandom } from './make-bench-corpus.js';

/** Paragraphs per document: 2,000 documents make 100k passages, as in the profile. */
export const PARAGRAPHS_PER_FILE = 50;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Writes a seeds folder of about `passages` paragraphs of Brown-corpus sentences as real files (a dateline lead,
 * then paragraphs of one to three sentences) with a small people table, once: an existing complete folder is reused.
 */
export function writeBenchSeeds(dir: string, passages: number, sentences: readonly string[], seed = 7): { files: number; bytes: number } {
  const files = Math.ceil(passages / PARAGRAPHS_PER_FILE);
  const done = join(dir, '.complete');
  if (existsSync(done)) return { files, bytes: -1 };
  rmSync(dir, { recursive: true, force: true });
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  let bytes = 0;
  let written = 0;
  for (let file = 0; file < files; file++) {
    const paragraphs: string[] = [];
    const count = Math.min(PARAGRAPHS_PER_FILE, passages - written);
    for (let p = 0; p < count; p++) {
      const start = Math.floor(random() * sentences.length);
      paragraphs.push(sentences.slice(start, start + 1 + Math.floor(random() * 3)).join(' '));
    }
    written += count;
    const place = pick(BENCH_PLACES).toUpperCase();
    const month = MONTHS[file % 12]!;
    const day = 1 + (file % 28);
    const year = 2015 + (file % 10);
    paragraphs[0] = `${place}, ${month} ${day} (${pick(BENCH_SOURCES)}) — ${paragraphs[0]}`;
    const text = `Published ${year}-${String((file % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}\n\n${paragraphs.join('\n\n')}\n`;
    bytes += Buffer.byteLength(text);
    writeFileSync(join(partial, `brown-${String(file).padStart(6, '0')}.txt`), text);
  }
  const people = BENCH_PEOPLE.map((name) => ({ name, aliases: [name.split(' ')[1]!], titles: [], country: null }));
  writeFileSync(join(partial, 'people.json'), JSON.stringify({ people, countries: [], places: [] }, null, 2));
  writeFileSync(join(partial, '.complete'), `${files} files\n`);
  renameSync(partial, dir);
  return { files: readdirSync(dir).length - 2, bytes };
}
