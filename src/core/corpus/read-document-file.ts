import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { corpusMessages } from './corpus-messages.js';

/** What a file contributes to the corpus fingerprint. */
export interface FileStamp {
  name: string;
  size: number;
  sha256: string;
}

export type FileRead = { ok: true; text: string; stamp: FileStamp } | { ok: false; reason: string; stamp: FileStamp };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads one file as UTF-8 text, checking its size before reading so a 50 MB file is never loaded; failures are values with a reason. */
export async function readTextFile(path: string, name: string, maxBytes: number): Promise<FileRead> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size > maxBytes) return { ok: false, reason: corpusMessages.tooLarge(size, maxBytes), stamp: { name, size, sha256: 'unread' } };
    const bytes = await handle.readFile();
    const stamp = { name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    return decode(bytes, stamp);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ok: false, reason: corpusMessages.unreadable(reason), stamp: { name, size: 0, sha256: 'unreadable' } };
  } finally {
    await handle?.close();
  }
}

function decode(bytes: Buffer, stamp: FileStamp): FileRead {
  if (bytes.length === 0) return { ok: false, reason: corpusMessages.empty(), stamp };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: corpusMessages.utf16(), stamp };
  }
  if (bytes.includes(0)) return { ok: false, reason: corpusMessages.binary(), stamp };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: corpusMessages.notUtf8(), stamp };
  }
  if (text.trim() === '') return { ok: false, reason: corpusMessages.empty(), stamp };
  return { ok: true, text, stamp };
}
