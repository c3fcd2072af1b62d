import { createHash } from 'node:crypto';
import type { Sidecar } from './sidecar-schema.js';

/** A document kept in the store rather than the seeds folder: its text and the metadata its sidecar would hold. */
export interface StoredText {
  id: string;
  text: string;
  /** Unvalidated JSON from the store; the loader checks it as it checks a `.meta.json` file. */
  sidecar: Sidecar | Record<string, unknown>;
}

/** The name a stored document goes by where a file name would appear (warnings, fingerprints). */
export function storedFileName(id: string): string {
  return `store:${id}`;
}

/** A hash of everything the corpus takes from stored documents, so a change to any of them changes the snapshot key. */
export function storedTextsKey(stored: readonly StoredText[]): string {
  const hash = createHash('sha256');
  for (const doc of [...stored].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    hash.update(doc.id).update('\0').update(storedTextHash(doc)).update('\n');
  }
  return hash.digest('hex');
}

/** sha256 over one stored document's text and sidecar. */
export function storedTextHash(doc: StoredText): string {
  return createHash('sha256').update(doc.text).update('\0').update(JSON.stringify(doc.sidecar)).digest('hex');
}
