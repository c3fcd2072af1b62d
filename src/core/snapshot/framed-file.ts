import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const MAGIC = Buffer.from('RDSNAP01');
/** Sections start on 8-byte boundaries so typed arrays can view them without a copy. */
const ALIGN = 8;

export type SectionData = Buffer | Uint8Array | Uint16Array | Uint32Array | Float64Array;

interface Header {
  format: string;
  key: string;
  sections: { name: string; offset: number; length: number }[];
  checksum: string;
}

/** Writes named binary sections under a format name and key, with a sha256 checksum of the body; write-then-rename, so a crash never leaves half a file. */
export function writeFramedFile(path: string, format: string, key: string, sections: Record<string, SectionData>): void {
  mkdirSync(dirname(path), { recursive: true });
  const parts: Buffer[] = [];
  const layout: Header['sections'] = [];
  const hash = createHash('sha256');
  let offset = 0;
  for (const [name, data] of Object.entries(sections)) {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    layout.push({ name, offset, length: bytes.length });
    const padding = (ALIGN - (bytes.length % ALIGN)) % ALIGN;
    hash.update(bytes);
    parts.push(bytes);
    if (padding) {
      const zeros = Buffer.alloc(padding);
      hash.update(zeros);
      parts.push(zeros);
    }
    offset += bytes.length + padding;
  }
  const header: Header = { format, key, sections: layout, checksum: hash.digest('hex') };
  let headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerPadding = (ALIGN - ((MAGIC.length + 4 + headerBytes.length) % ALIGN)) % ALIGN;
  headerBytes = Buffer.concat([headerBytes, Buffer.alloc(headerPadding, 0x20)]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([MAGIC, length, headerBytes, ...parts]));
  renameSync(temporary, path);
}

/** Reads a framed file's sections, or null when it is missing, of another format or key, truncated or fails its checksum. */
export function readFramedFile(path: string, format: string, key: string | ((key: string) => boolean)): Map<string, Buffer> | null {
  try {
    const file = readFileSync(path);
    if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const headerLength = file.readUInt32LE(MAGIC.length);
    const bodyStart = MAGIC.length + 4 + headerLength;
    if (bodyStart > file.length) return null;
    const header = JSON.parse(file.subarray(MAGIC.length + 4, bodyStart).toString('utf8')) as Header;
    const keyMatches = typeof key === 'string' ? header.key === key : key(header.key);
    if (header.format !== format || !keyMatches || !Array.isArray(header.sections)) return null;
    // The checksum covers the whole body, padding included: any changed, missing or extra byte fails it.
    if (createHash('sha256').update(file.subarray(bodyStart)).digest('hex') !== header.checksum) return null;
    const sections = new Map<string, Buffer>();
    for (const { name, offset, length } of header.sections) {
      const start = bodyStart + offset;
      if (!Number.isInteger(start) || !Number.isInteger(length) || length < 0 || start + length > file.length) return null;
      sections.set(name, file.subarray(start, start + length));
    }
    return sections;
  } catch {
    // A cache is only a shortcut: anything unreadable means "build it again".
    return null;
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
