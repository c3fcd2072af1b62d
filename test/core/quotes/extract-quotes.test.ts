import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes/extract-quotes.js';
import { makeDocument, testGazetteer } from './make-document.js';

/** Speaker and cue position per sentence, `-` for a sentence that is not a quote. */
function readout(paragraphs: string[], keepUnknownSpeakers = false): string[] {
  const doc = makeDocument('doc', paragraphs);
  const quotes = extractQuotes(doc, testGazetteer, { keepUnknownSpeakers });
  return doc.paragraphs.flatMap((paragraph) =>
    paragraph.sentences.map((sentence) => {
      const quote = quotes.find((q) => q.id === sentence.id);
      return quote ? `${quote.speaker}/${quote.cue.position}` : '-';
    }),
  );
}

describe('extractQuotes', () => {
  it.each([
    {
      name: 'pronouns refer back to the last speaker',
      paragraphs: ['Ruto said Kenya and China are partners.', 'He said Kenya is willing to work with China.'],
      expected: ['William Ruto/before', 'William Ruto/before'],
    },
    {
      name: 'a pronoun follows narration that names one person',
      paragraphs: ['Xi said China is ready.', 'Tokayev arrived in Beijing on Monday.', 'He said Kazakhstan is ready.'],
      expected: ['Xi Jinping/before', '-', 'Kassym-Jomart Tokayev/before'],
    },
    {
      name: 'a pronoun after narration naming two people falls back to the last speaker',
      paragraphs: [
        'Xi said China is ready.',
        'Xi made the remarks when meeting with President Tokayev.',
        'This is due to friendship, he said.',
      ],
      expected: ['Xi Jinping/before', '-', 'Xi Jinping/after'],
    },
    {
      name: 'a pronoun with no one to refer to is not a quote',
      paragraphs: ['He said the weather was fine.'],
      expected: ['-'],
    },
    {
      name: 'titles and descriptions resolve to the person',
      paragraphs: [
        'The Chinese president credited this bond as a testament to solidarity.',
        'President Tokayev stressed that ties are strong.',
      ],
      expected: ['Xi Jinping/before', 'Kassym-Jomart Tokayev/before'],
    },
    {
      name: 'Rachel Ruto is not William Ruto',
      paragraphs: ['Rachel Ruto said the visit was a success.', 'Ruto said the visit was historic.'],
      expected: ['Rachel Ruto/before', 'William Ruto/before'],
    },
    {
      name: 'a country as subject is not a speaker, the later cue wins',
      paragraphs: ['China commends Kazakhstan for the preparatory work it has done, Xi said.'],
      expected: ['Xi Jinping/after'],
    },
    {
      name: 'the paragraph continues the statement until narration',
      paragraphs: [
        'Tokayev said relations are based on friendship. Kazakhstan is ready to work with China. Xi made the remarks at the airport. China is a big country.',
      ],
      expected: ['Kassym-Jomart Tokayev/before', 'Kassym-Jomart Tokayev/continuation', '-', '-'],
    },
    {
      name: 'ordinal and first-person paragraphs continue the previous speaker',
      paragraphs: [
        'Wang Yi said, Kenya is a partner. Both sides will expand partnership in two aspects:',
        'First, we need to be partners. We will support each other.',
        'Second, we need to be partners in development.',
        'The two sides issued a joint statement.',
        'Third, cooperation will grow.',
      ],
      expected: [
        'Wang Yi/before',
        'Wang Yi/continuation',
        'Wang Yi/continuation',
        'Wang Yi/continuation',
        'Wang Yi/continuation',
        '-',
        '-',
      ],
    },
    {
      name: 'an unattributed paragraph after a speaker does not continue without an ordinal or first person',
      paragraphs: ['China commends Kazakhstan, Xi said.', 'Meanwhile, China is willing to work with all member states.'],
      expected: ['Xi Jinping/after', '-'],
    },
    {
      name: 'narration is not a quote',
      paragraphs: [
        'After the talks, the two heads of state witnessed the signing of 20 cooperation documents.',
        'Xi and Peng also hosted a welcoming banquet for Ruto and Rachel.',
        'Cai Qi, Wang Yi, and Qin Gang, among others, were present at the above events.',
        'Upon his arrival, President Tokayev welcomed Xi Jinping with a grand ceremony, accompanied by children singing “Ode to the Motherland” in Chinese.',
      ],
      expected: ['-', '-', '-', '-'],
    },
    {
      name: 'an attribution ending in a colon credits the next sentence, not itself',
      paragraphs: ['Xi Jinping stressed:', 'China is ready to work with Kenya. Xi and Peng hosted a banquet.'],
      expected: ['-', 'Xi Jinping/continuation', '-'],
    },
    {
      name: 'joint speakers are not credited to either',
      paragraphs: ['Xi and Ruto said the talks were fruitful.'],
      expected: ['-'],
    },
  ])('$name', ({ paragraphs, expected }) => {
    expect(readout(paragraphs)).toEqual(expected);
  });

  it.each([
    [['"We will win," said Mr. Smith.'], false, ['-']],
    [['"We will win," said Mr. Smith.'], true, ['Mr. Smith/after']],
    [['Police said the road was closed.'], true, ['-']],
    [['Pete Rozelle, the league commissioner, pointed out:', '“The league will grow”.'], true, ['-', 'Pete Rozelle/continuation']],
    [
      ['Mr. Smith said the vote was close.', 'Richard J. Hughes made his debut here.', 'He said the party is united.'],
      true,
      ['Mr. Smith/before', '-', 'Richard J. Hughes/before'],
    ],
    [['Mr. Smith said the vote was close.', 'The new plan, he said, is cheaper.'], true, ['Mr. Smith/before', 'Mr. Smith/middle']],
    [
      ['Mr. Smith said the vote was close.', 'John Brown backed the plan, which, he said, is cheaper.'],
      true,
      ['Mr. Smith/before', 'John Brown/middle'],
    ],
    [['Mrs. Smith said the vote was close.', 'He said the plan is cheaper.'], true, ['Mrs. Smith/before', '-']],
    [
      ['Mr. Smith said the vote was close.', '“He calls for help, but you cannot have it both ways”, Jones said.'],
      true,
      ['Mr. Smith/before', 'Jones/after'],
    ],
  ])('unknown speakers %j (keep: %s)', (paragraphs, keep, expected) => {
    expect(readout(paragraphs, keep)).toEqual(expected);
  });

  it('keeps provenance: ids, offsets into raw, cue', () => {
    const doc = makeDocument('d1', ['Narration here.', 'Intro. Fourth, Xi noted, exchanges should grow.']);
    const [quote] = extractQuotes(doc, testGazetteer);
    expect(quote).toMatchObject({ id: 'd1:p1:s1', docId: 'd1', paragraph: 1, sentence: 1, speaker: 'Xi Jinping', eventDate: '2025-01-01' });
    expect(quote?.cue).toEqual({ verb: 'noted', position: 'middle', speakerText: 'Xi' });
    expect(doc.raw.slice(quote?.start, quote?.end)).toBe(quote?.text);
  });

  it('never throws on arbitrary sentence text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 200 }), { maxLength: 4 }), { maxLength: 4 }), (paragraphs) => {
        const doc = makeDocument(
          'p',
          paragraphs.map((sentences) => sentences.join(' ')),
        );
        const quotes = extractQuotes(doc, testGazetteer, { keepUnknownSpeakers: true });
        for (const quote of quotes) expect(quote.speaker.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on word soup built from cue words', () => {
    const words = fc.constantFrom(
      'Xi',
      'he',
      'He',
      'said',
      'said,',
      'noted',
      ',',
      '.',
      'the',
      'Chinese',
      'president',
      'that',
      '"',
      'Mr.',
      'Smith',
      'and',
      'First,',
      'we',
      'expressed',
      'gratitude',
      'called',
      'on',
    );
    fc.assert(
      fc.property(fc.array(fc.array(words, { maxLength: 30 }), { maxLength: 6 }), (sentences) => {
        const doc = makeDocument('w', [sentences.map((s) => s.join(' ')).join(' ')]);
        expect(() => extractQuotes(doc, testGazetteer, { keepUnknownSpeakers: true })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
