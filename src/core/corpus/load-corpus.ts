import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Corpus, Document, LoadWarning } from '../document.js';
import { readGazetteer } from '../names/load-gazetteer.js';
import { readTermsFile } from '../search/learn-acronyms.js';
import { UserError } from '../user-error.js';
import { buildDocument } from './build-document.js';
import { corpusFingerprint } from './corpus-fingerprint.js';
import { corpusMessages } from './corpus-messages.js';
import { type FileStamp, readTextFile } from './read-document-file.js';
import { parseSidecar, SIDECAR_SUFFIX, type SidecarRead } from './read-sidecar.js';
import { sidecarSchema } from './sidecar-schema.js';
import { type StoredText, storedFileName, storedTextHash } from './stored-text.js';

export interface LoadCorpusOptions {
  /** Called after each document file, for progress bars on large folders. */
  onProgress?: (done: number, total: number) => void;
  /** Files larger than this are reported, not read (default 10 MB). */
  maxBytes?: number;
  /** Files read at once (default 16). */
  concurrency?: number;
  /**
   * Documents parsed by an earlier load, by `reuseKey`; a file whose content, sidecar and people table are
   * unchanged is taken from `previous` instead of parsed again. Every document of this load is put in `next`.
   */
  reuse?: { previous: ReadonlyMap<string, Document>; next: Map<string, Document> };
  /** Documents from the store, served beside the folder's and parsed the same way (a folder file wins an id clash). */
  stored?: readonly StoredText[];
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const SIDECAR_MAX_BYTES = 1024 * 1024;
const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md']);

interface FileOutcome {
  document?: Document;
  warnings: LoadWarning[];
  stamps: FileStamp[];
}

/** Loads every `.txt`/`.md` file of a folder (sorted by name) into a Corpus; bad files become warnings, a missing folder a UserError (`seeds_missing`). */
export async function loadCorpus(dir: string, options: LoadCorpusOptions = {}): Promise<Corpus> {
  const entries = await listFolder(dir);
  const people = readGazetteer(dir);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;

  const names = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const documentFiles = names.filter((name) => DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase()));
  const sidecarFiles = names.filter((name) => name.endsWith(SIDECAR_SUFFIX));

  const stamps: FileStamp[] = people.file ? [people.file] : [];
  const warnings: LoadWarning[] = [...people.warnings];
  // The optional acronym table is read by the search engine; a broken one is reported with the corpus's warnings.
  const terms = readTermsFile(dir).warning;
  if (terms) warnings.push(terms);
  const sidecars = new Map<string, { file: string; read: SidecarRead; sha256: string }>();
  await forEachLimited(sidecarFiles, options.concurrency ?? 16, async (file) => {
    const read = await readTextFile(join(dir, file), file, SIDECAR_MAX_BYTES);
    stamps.push(read.stamp);
    const id = file.slice(0, -SIDECAR_SUFFIX.length);
    sidecars.set(id, {
      file,
      sha256: read.stamp.sha256,
      read: read.ok ? parseSidecar(file, read.text) : { ok: false, reason: sidecarReadFailure(file, read.reason, read.stamp.size) },
    });
  });

  const outcomes: FileOutcome[] = new Array(documentFiles.length);
  let done = 0;
  await forEachLimited(documentFiles, options.concurrency ?? 16, async (file, index) => {
    outcomes[index] = await loadOne(dir, file, maxBytes, people.gazetteer, sidecars, {
      ...(options.reuse ? { reuse: options.reuse } : {}),
      people: people.file?.sha256 ?? '',
    });
    done++;
    options.onProgress?.(done, documentFiles.length);
  });

  const documents: Document[] = [];
  const seen = new Map<string, string>();
  for (const [index, outcome] of outcomes.entries()) {
    stamps.push(...outcome.stamps);
    warnings.push(...outcome.warnings);
    const document = outcome.document;
    if (!document) continue;
    const other = seen.get(document.id);
    if (other !== undefined) {
      warnings.push({ file: documentFiles[index] ?? document.file, reason: corpusMessages.duplicateId(document.id, other) });
      continue;
    }
    seen.set(document.id, document.file);
    documents.push(document);
  }
  for (const stored of options.stored ?? []) {
    const outcome = loadStored(stored, people.gazetteer, {
      ...(options.reuse ? { reuse: options.reuse } : {}),
      people: people.file?.sha256 ?? '',
    });
    stamps.push(...outcome.stamps);
    warnings.push(...outcome.warnings);
    const document = outcome.document;
    if (!document) continue;
    const other = seen.get(document.id);
    if (other !== undefined) {
      warnings.push({ file: document.file, reason: corpusMessages.duplicateId(document.id, other) });
      continue;
    }
    seen.set(document.id, document.file);
    documents.push(document);
  }
  const documentIds = new Set(documentFiles.map(idOf));
  for (const [id, { file }] of sidecars) {
    if (!documentIds.has(id)) warnings.push({ file, reason: corpusMessages.sidecarOrphan(file) });
  }

  return { dir, documents, gazetteer: people.gazetteer, warnings, fingerprint: corpusFingerprint(stamps) };
}

async function loadOne(
  dir: string,
  file: string,
  maxBytes: number,
  gazetteer: Corpus['gazetteer'],
  sidecars: ReadonlyMap<string, { file: string; read: SidecarRead; sha256: string }>,
  reuse: { reuse?: LoadCorpusOptions['reuse']; people: string },
): Promise<FileOutcome> {
  const read = await readTextFile(join(dir, file), file, maxBytes);
  if (!read.ok) return { warnings: [{ file, reason: read.reason }], stamps: [read.stamp] };
  const id = idOf(file);
  const sidecar = sidecars.get(id);
  const sidecarWarnings: LoadWarning[] = sidecar && !sidecar.read.ok ? [{ file: sidecar.file, reason: sidecar.read.reason }] : [];
  const key = reuseKey(file, read.stamp.sha256, sidecar?.sha256 ?? '', reuse.people);
  const earlier = reuse.reuse?.previous.get(key);
  if (earlier) {
    reuse.reuse?.next.set(key, earlier);
    return { document: earlier, warnings: sidecarWarnings, stamps: [read.stamp] };
  }
  const built = buildDocument({
    id,
    file,
    raw: read.text,
    gazetteer,
    ...(sidecar?.read.ok ? { sidecar: sidecar.read.sidecar } : {}),
    warnings: sidecarWarnings.map((w) => w.reason),
  });
  if (!built.ok) return { warnings: [{ file, reason: built.reason }], stamps: [read.stamp] };
  reuse.reuse?.next.set(key, built.document);
  return { document: built.document, warnings: sidecarWarnings, stamps: [read.stamp] };
}

/** One document from the store: its sidecar is checked like a file's, and a bad one is a warning, not a lost document. */
function loadStored(
  stored: StoredText,
  gazetteer: Corpus['gazetteer'],
  reuse: { reuse?: LoadCorpusOptions['reuse']; people: string },
): FileOutcome {
  const file = storedFileName(stored.id);
  const sha256 = storedTextHash(stored);
  const stamps = [{ name: file, size: Buffer.byteLength(stored.text), sha256 }];
  const key = reuseKey(file, sha256, '', reuse.people);
  const earlier = reuse.reuse?.previous.get(key);
  if (earlier) {
    reuse.reuse?.next.set(key, earlier);
    return { document: earlier, warnings: [], stamps };
  }
  const sidecar = sidecarSchema.safeParse(stored.sidecar);
  const warnings: LoadWarning[] = sidecar.success
    ? []
    : [{ file, reason: corpusMessages.sidecarInvalid(file, 'sidecar', sidecar.error.issues[0]?.message ?? 'is invalid') }];
  const built = buildDocument({
    id: stored.id,
    file,
    raw: stored.text,
    gazetteer,
    ...(sidecar.success ? { sidecar: sidecar.data } : {}),
    warnings: warnings.map((w) => w.reason),
  });
  if (!built.ok) return { warnings: [{ file, reason: built.reason }], stamps };
  reuse.reuse?.next.set(key, built.document);
  return { document: built.document, warnings, stamps };
}

/** What a parsed document depends on: its file's name and content, its sidecar's content and the people table. */
function reuseKey(file: string, sha256: string, sidecarSha256: string, peopleSha256: string): string {
  return `${file}\0${sha256}\0${sidecarSha256}\0${peopleSha256}`;
}

function idOf(file: string): string {
  return file.slice(0, file.length - extname(file).length);
}

function sidecarReadFailure(file: string, reason: string, size: number): string {
  return size > SIDECAR_MAX_BYTES
    ? corpusMessages.sidecarTooLarge(file, size, SIDECAR_MAX_BYTES)
    : corpusMessages.sidecarUnreadable(file, reason);
}

async function listFolder(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('seeds_missing', corpusMessages.seedsMissing(dir));
    if (code === 'ENOTDIR') throw new UserError('seeds_missing', corpusMessages.seedsNotFolder(dir));
    throw new UserError('seeds_missing', corpusMessages.seedsUnreadable(dir, code ?? String(error)));
  }
}

/** Runs `work` over `items` with at most `limit` in flight, so 10k files do not open 10k handles at once. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
