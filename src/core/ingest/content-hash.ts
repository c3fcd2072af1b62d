import { createHash } from 'node:crypto';

/**
 * sha256 of a text with case, accents, punctuation and spacing folded away: the same readout syndicated by two sites
 * (curly or straight quotes, a different dash, other line breaks) hashes the same.
 */
export function contentHash(text: string): string {
  const normalised = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(normalised).digest('hex');
}
