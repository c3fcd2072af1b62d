import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocument, loadCorpus } from '../../../src/core/corpus/index.js';
import { loadGazetteer } from '../../../src/core/names/index.js';
import { SEEDS_DIR, TINY_PEOPLE, tempFolders } from './corpus-fixtures.js';

const temp = tempFolders();
afterAll(() => temp.cleanup());
const gazetteer = loadGazetteer(SEEDS_DIR);

// Pieces of the real captures, so random texts hit the chrome rules, datelines, abbreviations and names often.
const piece = fc.constantFrom(
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  '\u00a0',
  '.',
  '...',
  '|',
  ' |',
  'date 2025-04-24',
  '0 SHARES Share Tweet',
  'Home\u00a0>\u00a0China News',
  '<Suggest To A Friend>',
  'From:\u65b0\u534e\u7f51 | Date Add in:2025-06-17 08:48:02 [A A] |',
  '2023-05-17 23:40',
  'BEIJING, April 24 (Xinhua) --',
  'ASTANA, Dec. 31 (Xinhua) \u2014',
  'On January 6, 2022 local time,',
  'On February 30, 2023,',
  'Mr.',
  'U.S.',
  'J. K.',
  '3.5',
  '2,000 years',
  '\u201cQuote.\u201d',
  'Xi',
  'Xi\u2019an',
  'Rachel Ruto',
  'Kazakh President',
  '# ',
  'The',
  'said',
  'in Mombasa',
);
const messyText = fc.oneof(
  fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 60 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

describe('loader properties', () => {
  it('never throws on arbitrary bytes and yields a document or a warning for the file', async () => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          messyText.map((t) => new TextEncoder().encode(t)),
        ),
        async (bytes) => {
          writeFileSync(join(dir, 'x.txt'), bytes);
          const corpus = await loadCorpus(dir);
          const documents = corpus.documents.filter((d) => d.file === 'x.txt');
          const warnings = corpus.warnings.filter((w) => w.file === 'x.txt');
          expect(documents.length + warnings.length).toBe(1);
          for (const w of warnings) expect(w.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('every paragraph and sentence of any text slices back out of raw, trimmed and in order', () => {
    fc.assert(
      fc.property(messyText, (raw) => {
        const built = buildDocument({ id: 'x', file: 'x.txt', raw, gazetteer });
        if (!built.ok) return;
        let last = 0;
        for (const p of built.document.paragraphs) {
          expect(raw.slice(p.start, p.end)).toBe(p.text);
          expect(p.text).toBe(p.text.trim());
          expect(p.start).toBeGreaterThanOrEqual(last);
          last = p.end;
          for (const s of p.sentences) {
            expect(raw.slice(s.start, s.end)).toBe(s.text);
            expect(s.text.length).toBeGreaterThan(0);
            expect(s.start >= p.start && s.end <= p.end).toBe(true);
          }
        }
        for (const date of [built.document.eventDate, built.document.publishedDate]) {
          if (date !== null) expect(Number.isNaN(Date.parse(`${date}T00:00:00Z`))).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
