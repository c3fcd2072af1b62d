import type { Quote } from '../quotes/quote-types.js';
import { readFramedFile, writeFramedFile } from './framed-file.js';

const FORMAT = 'readout-quotes-v1';

/** Saves every quote as JSON, whatever fields a Quote has, so a new field is cached with no change here. */
export function saveQuoteCache(path: string, key: string, quotes: readonly Quote[]): boolean {
  try {
    writeFramedFile(path, FORMAT, key, { quotes: Buffer.from(JSON.stringify(quotes), 'utf8') });
    return true;
  } catch {
    return false;
  }
}

/** The quotes saved under `key`, or null when missing, stale or damaged. */
export function loadQuoteCache(path: string, key: string): Quote[] | null {
  const sections = readFramedFile(path, FORMAT, key);
  const bytes = sections?.get('quotes');
  if (!bytes) return null;
  try {
    const quotes = JSON.parse(bytes.toString('utf8')) as unknown;
    return Array.isArray(quotes) ? (quotes as Quote[]) : null;
  } catch {
    return null;
  }
}
