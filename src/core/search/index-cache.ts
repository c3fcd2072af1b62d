import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InvertedIndex } from './build-inverted-index.js';

/** Bump when the index layout or the tokenizer changes, so old caches are ignored. */
const FORMAT = 'readout-search-index-v2';
const MAGIC = Buffer.from('RDIDX001');
const PREFIX = 'search-index-';

interface Header {
  format: string;
  key: string;
  passageCount: number;
  termCount: number;
  postingCount: number;
  positionCount: number;
  averageLength: number;
  termBytes: number;
  checksum: string;
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

function bytesOf(array: Uint32Array | Uint16Array | Uint8Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** Loads the index saved under `key`, or null when it is missing, stale, truncated or corrupt. */
export function loadIndexCache(dir: string, key: string): InvertedIndex | null {
  try {
    const file = readFileSync(fileFor(dir, key));
    if (!file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const headerLength = file.readUInt32LE(MAGIC.length);
    const bodyStart = MAGIC.length + 4 + headerLength;
    const header = JSON.parse(file.subarray(MAGIC.length + 4, bodyStart).toString('utf8')) as Header;
    if (header.format !== FORMAT || header.key !== key) return null;
    const body = file.subarray(bodyStart);
    if (createHash('sha256').update(body).digest('hex') !== header.checksum) return null;
    let at = 0;
    const take = <T extends Uint32Array | Uint16Array | Uint8Array>(array: T): T => {
      const length = array.byteLength;
      if (at + length > body.length) throw new Error('truncated index cache');
      new Uint8Array(array.buffer).set(body.subarray(at, at + length));
      at += length;
      return array;
    };
    const termText = body.subarray(0, header.termBytes).toString('utf8');
    at = header.termBytes;
    const terms = header.termCount === 0 ? [] : termText.split('\n');
    if (terms.length !== header.termCount) return null;
    const offsets = take(new Uint32Array(header.termCount + 1));
    const postings = take(new Uint32Array(header.postingCount));
    const lengths = take(new Uint16Array(header.passageCount));
    const positionOffsets = take(new Uint32Array(header.postingCount + 1));
    const positions = take(new Uint32Array(header.positionCount));
    const freqs = take(new Uint8Array(header.postingCount));
    if (at !== body.length || offsets[header.termCount] !== header.postingCount) return null;
    if (positionOffsets[header.postingCount] !== header.positionCount) return null;
    const termIds = new Map<string, number>();
    for (const [id, term] of terms.entries()) termIds.set(term, id);
    return {
      terms,
      termIds,
      offsets,
      postings,
      freqs,
      lengths,
      positionOffsets,
      positions,
      passageCount: header.passageCount,
      averageLength: header.averageLength,
    };
  } catch {
    // A cache is only a shortcut: anything unreadable means "build it again".
    return null;
  }
}

/** Saves the index under `key` (write-then-rename, so a crash never leaves half a file) and drops older caches. */
export function saveIndexCache(dir: string, key: string, index: InvertedIndex): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    const termBuffer = Buffer.from(index.terms.join('\n'), 'utf8');
    const parts = [
      termBuffer,
      bytesOf(index.offsets),
      bytesOf(index.postings),
      bytesOf(index.lengths),
      bytesOf(index.positionOffsets),
      bytesOf(index.positions),
      bytesOf(index.freqs),
    ];
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part);
    const header: Header = {
      format: FORMAT,
      key,
      passageCount: index.passageCount,
      termCount: index.terms.length,
      postingCount: index.postings.length,
      positionCount: index.positions.length,
      averageLength: index.averageLength,
      termBytes: termBuffer.length,
      checksum: hash.digest('hex'),
    };
    const headerBuffer = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBuffer.length);
    const target = fileFor(dir, key);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([MAGIC, length, headerBuffer, ...parts]));
    renameSync(temporary, target);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(PREFIX) && name !== `${PREFIX}${key}.bin` && name.endsWith('.bin')) rmSync(join(dir, name), { force: true });
    }
    return true;
  } catch {
    return false;
  }
}
