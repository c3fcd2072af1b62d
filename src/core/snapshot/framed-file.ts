import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const MAGIC = Buffer.from('RDSNAP01');
/** Sections start on 8-byte boundaries so typed arrays can view them without a copy. */
const ALIGN = 8;
const MAX_HEADER = 1 << 20;

export type SectionData = Buffer | Uint8Array | Uint16Array | Uint32Array | Float64Array;

interface Header {
  format: string;
  key: string;
  sections: { name: string; offset: number; length: number }[];
  checksum: string;
}

const bytesOf = (data: SectionData) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/**
 * Writes named binary sections (a section may be a list of chunks, written one after another without joining them)
 * under a format name and key, with a sha256 checksum of the body; write-then-rename, so a crash never leaves half a file.
 */
export function writeFramedFile(
  path: string,
  format: string,
  key: string,
  sections: Record<string, SectionData | readonly SectionData[]>,
): void {
  mkdirSync(dirname(path), { recursive: true });
  const layout: Header['sections'] = [];
  const hash = createHash('sha256');
  const body: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(sections)) {
    const chunks = (Array.isArray(data) ? data : [data]).map(bytesOf);
    const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
    layout.push({ name, offset, length });
    const padding = (ALIGN - (length % ALIGN)) % ALIGN;
    if (padding) chunks.push(Buffer.alloc(padding));
    for (const chunk of chunks) {
      hash.update(chunk);
      body.push(chunk);
    }
    offset += length + padding;
  }
  const header: Header = { format, key, sections: layout, checksum: hash.digest('hex') };
  let headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerPadding = (ALIGN - ((MAGIC.length + 4 + headerBytes.length) % ALIGN)) % ALIGN;
  headerBytes = Buffer.concat([headerBytes, Buffer.alloc(headerPadding, 0x20)]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    for (const chunk of [MAGIC, length, headerBytes, ...body]) {
      for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at, chunk.length - at);
    }
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
}

/**
 * Reads a framed file's sections, or null when it is missing, of another format or key, truncated or fails its checksum.
 * The header is read first, so a file for another key is rejected without reading its body.
 */
export function readFramedFile(path: string, format: string, key: string | ((key: string) => boolean)): Map<string, Buffer> | null {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const start = Buffer.alloc(MAGIC.length + 4);
    if (size < start.length || readSync(fd, start, 0, start.length, 0) !== start.length) return null;
    if (!start.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const headerLength = start.readUInt32LE(MAGIC.length);
    const bodyStart = start.length + headerLength;
    if (headerLength > MAX_HEADER || bodyStart > size) return null;
    const headerBytes = Buffer.alloc(headerLength);
    if (readSync(fd, headerBytes, 0, headerLength, start.length) !== headerLength) return null;
    const header = JSON.parse(headerBytes.toString('utf8')) as Header;
    const keyMatches = typeof key === 'string' ? header.key === key : typeof header.key === 'string' && key(header.key);
    if (header.format !== format || !keyMatches || !Array.isArray(header.sections)) return null;
    // One allocation for the body: typed arrays view it in place.
    const body = Buffer.allocUnsafeSlow(size - bodyStart);
    for (let at = 0; at < body.length; ) {
      const read = readSync(fd, body, at, body.length - at, bodyStart + at);
      if (read === 0) return null;
      at += read;
    }
    // The checksum covers the whole body, padding included: any changed, missing or extra byte fails it.
    if (createHash('sha256').update(body).digest('hex') !== header.checksum) return null;
    const sections = new Map<string, Buffer>();
    for (const { name, offset, length } of header.sections) {
      if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > body.length) return null;
      sections.set(name, body.subarray(offset, offset + length));
    }
    return sections;
  } catch {
    // A cache is only a shortcut: anything unreadable means "build it again".
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

type TypedArrayKind<T> = { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number };

/** A typed array over a section's bytes; copies only when the section is not aligned for the element size. */
export function viewOf<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(bytes: Buffer, Kind: TypedArrayKind<T>): T {
  const size = Kind.BYTES_PER_ELEMENT;
  if (bytes.length % size !== 0) throw new Error('section length is not a whole number of elements');
  if (bytes.byteOffset % size === 0) return new Kind(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length / size);
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Kind(copy.buffer, 0, bytes.length / size);
}
