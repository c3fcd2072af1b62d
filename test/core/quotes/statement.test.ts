import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes/extract-quotes.js';
import { statementSpans } from '../../../src/core/quotes/statement-spans.js';
import { plainText } from '../../../src/core/reply.js';
import { makeDocument, testGazetteer } from './make-document.js';

/** The quotes of one document as `speech | lead | statement`. */
function statements(paragraphs: string[]): string[] {
  return extractQuotes(makeDocument('doc', paragraphs), testGazetteer).map((q) => `${q.speech} | ${q.lead} | ${q.statement}`);
}

describe('quotes as statements', () => {
  it.each([
    [
      'a reporting verb and its that-clause are left out',
      ['Ruto said Kenya and China have always adhered to sincere treatment.'],
      ['indirect | Ruto said | Kenya and China have always adhered to sincere treatment.'],
    ],
    [
      'a dateline, the speaker and "on Monday that" are left out',
      ['ASTANA, June 16 (Xinhua) -- Chinese President Xi Jinping said on Monday that China stands ready to work with Kazakhstan.'],
      ['indirect | Chinese President Xi Jinping said | China stands ready to work with Kazakhstan.'],
    ],
    [
      'a cue after the statement is cut with its comma',
      ['Cooperation between Africa and China is conducive to peace, Ruto added.'],
      ['indirect | Ruto added | Cooperation between Africa and China is conducive to peace.'],
    ],
    [
      'a cue inside the statement is cut, the statement joined',
      ['Xi said China is ready.', 'Second, he said, high-quality Belt and Road cooperation should be used.'],
      [
        'indirect | Xi said | China is ready.',
        'indirect | Xi Jinping said | Second, high-quality Belt and Road cooperation should be used.',
      ],
    ],
    [
      'a participle before the speaker carries a statement of its own',
      ['Stressing that there are no winners in trade wars, Xi said China is willing to work with other countries.'],
      ['indirect | Xi said | there are no winners in trade wars; China is willing to work with other countries.'],
    ],
    [
      'a pronoun in the lead becomes the speaker',
      ['Ruto said Kenya is ready.', 'He said Kenya is willing to work with China.'],
      ['indirect | Ruto said | Kenya is ready.', 'indirect | William Ruto said | Kenya is willing to work with China.'],
    ],
    [
      '"said," and the first person are the speaker\'s own words, and so are their continuations',
      ['Wang Yi said, Kenya is a partner of China. Omamo and I have reached a consensus.'],
      ['direct | Wang Yi said | Kenya is a partner of China.', 'direct | Wang Yi said | Omamo and I have reached a consensus.'],
    ],
    [
      'quotation marks make direct speech and are not part of the statement',
      ['“We oppose terrorism in all its forms,” Xi said.'],
      ['direct | Xi said | We oppose terrorism in all its forms.'],
    ],
    [
      'a quotation split by its cue keeps no unpaired quotation marks',
      ['“We will work hard on Tuesday,” Ruto said, “and rest on Friday.”'],
      ['direct | Ruto said | We will work hard on Tuesday, and rest on Friday.'],
    ],
    [
      'a first person inside quoted words leaves the rest reported speech',
      ['Ruto said he was “confessing that I was a member of the party”.'],
      ['indirect | Ruto said | he was “confessing that I was a member of the party”.'],
    ],
    [
      'an act followed by a statement is a quote of the statement',
      ['Ruto expressed gratitude to China, adding that the railway has promoted development.'],
      ['indirect | Ruto expressed | gratitude to China, adding that the railway has promoted development.'],
    ],
    ['an act alone is not a quote', ['In his statement, Xi Jinping conveyed warm regards and best wishes to President Tokayev.'], []],
  ])('%s', (_, paragraphs, expected) => {
    expect(statements(paragraphs)).toEqual(expected);
  });

  it('renders reported speech with its attribution and without quotation marks', () => {
    const [before, after] = extractQuotes(
      makeDocument('doc', ['Ruto said Kenya and China are partners.', 'China and Kenya should support each other, Xi said.']),
      testGazetteer,
    );
    expect(statementSpans(before!)).toEqual([{ text: 'Ruto said', emphasis: 'em' }, { text: ' Kenya and China are partners.' }]);
    expect(plainText(statementSpans(after!))).toBe('China and Kenya should support each other, Xi said.');
  });

  it('keeps every word of the statement from the sentence, and never the attribution, for any clause', () => {
    const word = fc.constantFrom('China', 'Kenya', 'trade', 'cooperation', 'partners', 'will', 'grow', 'strong', 'deepen', 'ties');
    const clause = fc.array(word, { minLength: 2, maxLength: 12 }).map((words) => words.join(' '));
    const cue = fc.constantFrom('Ruto said', 'Ruto said that', 'Xi noted that', 'Xi stressed that');
    fc.assert(
      fc.property(cue, clause, (said, body) => {
        const [quote] = extractQuotes(makeDocument('doc', [`${said} ${body}.`]), testGazetteer);
        expect(quote?.statement).toBe(`${body}.`);
        expect(quote?.speech).toBe('indirect');
      }),
    );
  });
});
