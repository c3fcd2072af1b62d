import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readFramedFile, viewOf, writeFramedFile } from '../snapshot/framed-file.js';
import type { InvertedIndex } from './build-inverted-index.js';

/** Bump when the index layout or the tokenizer changes, so old caches are ignored. */
const FORMAT = 'readout-search-index-v3';
const PREFIX = 'search-index-';

interface Counts {
  passageCount: number;
  termCount: number;
  averageLength: number;
}

/** The cache key: the corpus fingerprint plus a hash of the passages as split, so a loader change also rebuilds. */
export function indexCacheKey(fingerprint: string, texts: Iterable<string>): string {
  const hash = createHash('sha256').update(FORMAT).update('\u0000').update(fingerprint);
  for (const text of texts) hash.update('\u0000').update(text);
  return hash.digest('hex').slice(0, 32);
}

function fileFor(dir: string, key: string): string {
  return join(dir, `${PREFIX}${key}.bin`);
}

/** Loads the index saved under `key`, or null when it is missing, stale, truncated or corrupt. The arrays view the file's bytes (no copy). */
export function loadIndexCache(dir: string, key: string): InvertedIndex | null {
  const sections = readFramedFile(fileFor(dir, key), FORMAT, key);
  if (!sections) return null;
  try {
    const counts = JSON.parse(sections.get('counts')?.toString('utf8') ?? '') as Counts;
    const section = (name: string) => {
      const bytes = sections.get(name);
      if (!bytes) throw new Error(`index cache has no ${name}`);
      return bytes;
    };
    const termText = section('terms').toString('utf8');
    const terms = counts.termCount === 0 ? [] : termText.split('\n');
    const offsets = viewOf(section('offsets'), Uint32Array);
    const postings = viewOf(section('postings'), Uint32Array);
    const lengths = viewOf(section('lengths'), Uint16Array);
    const positionOffsets = viewOf(section('positionOffsets'), Uint32Array);
    const positions = viewOf(section('positions'), Uint32Array);
    const freqs = viewOf(section('freqs'), Uint8Array);
    const consistent =
      terms.length === counts.termCount &&
      offsets.length === counts.termCount + 1 &&
      offsets[counts.termCount] === postings.length &&
      lengths.length === counts.passageCount &&
      freqs.length === postings.length &&
      positionOffsets.length === postings.length + 1 &&
      positionOffsets[postings.length] === positions.length;
    if (!consistent) return null;
    const termIds = new Map<string, number>();
    for (let id = 0; id < terms.length; id++) termIds.set(terms[id]!, id);
    return {
      terms,
      termIds,
      offsets,
      postings,
      freqs,
      lengths,
      positionOffsets,
      positions,
      passageCount: counts.passageCount,
      averageLength: counts.averageLength,
    };
  } catch {
    // A cache is only a shortcut: anything unreadable means "build it again".
    return null;
  }
}

/** Saves the index under `key` (write-then-rename, so a crash never leaves half a file) and drops older caches. */
export function saveIndexCache(dir: string, key: string, index: InvertedIndex): boolean {
  try {
    const counts: Counts = { passageCount: index.passageCount, termCount: index.terms.length, averageLength: index.averageLength };
    writeFramedFile(fileFor(dir, key), FORMAT, key, {
      counts: Buffer.from(JSON.stringify(counts), 'utf8'),
      terms: Buffer.from(index.terms.join('\n'), 'utf8'),
      offsets: index.offsets,
      postings: index.postings,
      lengths: index.lengths,
      positionOffsets: index.positionOffsets,
      positions: index.positions,
      freqs: index.freqs,
    });
    for (const name of readdirSync(dir)) {
      if (name.startsWith(PREFIX) && name !== `${PREFIX}${key}.bin` && name.endsWith('.bin')) rmSync(join(dir, name), { force: true });
    }
    return true;
  } catch {
    return false;
  }
}
