import { createHash } from 'node:crypto';
import type { FileStamp } from './read-document-file.js';

/** sha256 over the sorted (name, size, content hash) of every file read, so any change to any file changes it. */
export function corpusFingerprint(stamps: readonly FileStamp[]): string {
  const hash = createHash('sha256');
  const sorted = [...stamps].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const stamp of sorted) hash.update(`${stamp.name}\0${stamp.size}\0${stamp.sha256}\n`);
  return hash.digest('hex');
}
