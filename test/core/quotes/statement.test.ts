import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes/extract-quotes.js';
import { makeDocument, testGazetteer } from './make-document.js';

/** The quotes of one document as `speech | statement | shown`. */
function statements(paragraphs: string[]): string[] {
  return extractQuotes(makeDocument('doc', paragraphs), testGazetteer).map((q) => `${q.speech} | ${q.statement} | ${q.shown}`);
}

describe('quotes as statements', () => {
  it.each([
    [
      'a reporting verb and its that-clause are left out of the statement; the sentence is shown as reported',
      ['Ruto said Kenya and China have always adhered to sincere treatment.'],
      [
        'indirect | Kenya and China have always adhered to sincere treatment. | Ruto said Kenya and China have always adhered to sincere treatment.',
      ],
    ],
    [
      'a dateline, the speaker and "on Monday that" are left out; the dateline is not shown',
      ['ASTANA, June 16 (Xinhua) -- Chinese President Xi Jinping said on Monday that China stands ready to work with Kazakhstan.'],
      [
        'indirect | China stands ready to work with Kazakhstan. | Chinese President Xi Jinping said on Monday that China stands ready to work with Kazakhstan.',
      ],
    ],
    [
      '"that" stays in what is shown, so nothing reads as if the speaker spoke long ago',
      ['Xi noted that over 2,000 years ago, the ancient Silk Road connected China and Kazakhstan.'],
      [
        'indirect | over 2,000 years ago, the ancient Silk Road connected China and Kazakhstan. | Xi noted that over 2,000 years ago, the ancient Silk Road connected China and Kazakhstan.',
      ],
    ],
    [
      'a cue after the statement is cut with its comma, and no attribution is added',
      ['Cooperation between Africa and China is conducive to peace, Ruto added.'],
      [
        'indirect | Cooperation between Africa and China is conducive to peace | Cooperation between Africa and China is conducive to peace, Ruto added.',
      ],
    ],
    [
      'a cue inside the statement is cut with an ellipsis; a pronoun is replaced by the name in brackets',
      ['Xi said China is ready.', 'Second, he said, high-quality Belt and Road cooperation should be used.'],
      [
        'indirect | China is ready. | Xi said China is ready.',
        'indirect | Second … high-quality Belt and Road cooperation should be used. | Second, [Xi Jinping] said, high-quality Belt and Road cooperation should be used.',
      ],
    ],
    [
      'a participle before the speaker carries a statement of its own, joined by an ellipsis, never "; "',
      ['Stressing that there are no winners in trade wars, Xi said China is willing to work with other countries.'],
      [
        'indirect | there are no winners in trade wars … China is willing to work with other countries. | Stressing that there are no winners in trade wars, Xi said China is willing to work with other countries.',
      ],
    ],
    [
      'a continuation is shown as written, with no attribution the text does not have',
      ['Ruto said Kenya is ready. Kenya firmly adheres to the one-China policy.'],
      [
        'indirect | Kenya is ready. | Ruto said Kenya is ready.',
        'indirect | Kenya firmly adheres to the one-China policy. | Kenya firmly adheres to the one-China policy.',
      ],
    ],
    [
      'a description stays, with the name inserted in brackets',
      ['The Chinese president said China is ready.'],
      ['indirect | China is ready. | The Chinese president [Xi Jinping] said China is ready.'],
    ],
    [
      '"said," and the first person are the speaker\'s own words, and so are their continuations',
      ['Wang Yi said, Kenya is a partner of China. Omamo and I have reached a consensus.'],
      [
        'direct | Kenya is a partner of China. | Kenya is a partner of China.',
        'direct | Omamo and I have reached a consensus. | Omamo and I have reached a consensus.',
      ],
    ],
    [
      'quotation marks make direct speech and are not part of the statement',
      ['“We oppose terrorism in all its forms,” Xi said.'],
      ['direct | We oppose terrorism in all its forms | We oppose terrorism in all its forms'],
    ],
    [
      'a quotation split by its cue is two pieces joined by an ellipsis',
      ['“We will work hard on Tuesday,” Ruto said, “and rest on Friday.”'],
      ['direct | We will work hard on Tuesday … and rest on Friday. | We will work hard on Tuesday … and rest on Friday.'],
    ],
    [
      'a first person inside quoted words leaves the rest reported speech',
      ['Ruto said he was “confessing that I was a member of the party”.'],
      [
        'indirect | he was “confessing that I was a member of the party”. | Ruto said he was “confessing that I was a member of the party”.',
      ],
    ],
    [
      'an act followed by a that-clause is a quote of the that-clause, never a fragment',
      ['Ruto expressed gratitude to China, adding that the railway has promoted development.'],
      [
        'indirect | the railway has promoted development. | Ruto expressed gratitude to China, adding that the railway has promoted development.',
      ],
    ],
    ['an act alone is not a quote', ['In his statement, Xi Jinping conveyed warm regards and best wishes to President Tokayev.'], []],
  ])('%s', (_, paragraphs, expected) => {
    expect(statements(paragraphs)).toEqual(expected);
  });

  it('gives each piece of the statement as a range of the document', () => {
    const doc = makeDocument('doc', ['Intro.', 'Stressing that there are no winners in trade wars, Xi said China is ready.']);
    const [quote] = extractQuotes(doc, testGazetteer);
    expect(quote?.statementSpans.map((span) => doc.raw.slice(span.start, span.end))).toEqual([
      'there are no winners in trade wars',
      'China is ready.',
    ]);
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
