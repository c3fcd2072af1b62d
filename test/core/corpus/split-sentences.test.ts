import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/corpus/index.js';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['plain', 'One thing. Two things! Three things? Four.', ['One thing.', 'Two things!', 'Three things?', 'Four.']],
    ['titles', 'Mr. Smith met Dr. Jones and Prof. Lee. They talked.', ['Mr. Smith met Dr. Jones and Prof. Lee.', 'They talked.']],
    ['dotted acronyms inside', 'The U.S. and the U.N. agreed. Talks ended.', ['The U.S. and the U.N. agreed.', 'Talks ended.']],
    ['dotted acronym at the end', 'He flew to the U.S. The trip was long.', ['He flew to the U.S.', 'The trip was long.']],
    [
      'months and numbers',
      'It rose on Jan. 5 to No. 3 in Sept. 2024. Then it fell.',
      ['It rose on Jan. 5 to No. 3 in Sept. 2024.', 'Then it fell.'],
    ],
    ['initials', 'J. K. Rowling wrote it. It sold well.', ['J. K. Rowling wrote it.', 'It sold well.']],
    ['decimals', 'Growth was 3.5 percent. Trade rose 12.25 percent.', ['Growth was 3.5 percent.', 'Trade rose 12.25 percent.']],
    ['thousands', 'Over 2,000 years ago, the Silk Road ran. It was long.', ['Over 2,000 years ago, the Silk Road ran.', 'It was long.']],
    ['straight quote after period', 'He said, "We agree." Then he left.', ['He said, "We agree."', 'Then he left.']],
    [
      'curly quote after period',
      'She sang \u201cOde to the Motherland.\u201d The crowd cheered.',
      ['She sang \u201cOde to the Motherland.\u201d', 'The crowd cheered.'],
    ],
    ['ellipsis before lower case', 'He paused... then went on.', ['He paused... then went on.']],
    ['ellipsis before capital', 'Wait... The end.', ['Wait...', 'The end.']],
    ['unicode ellipsis', 'Wait\u2026 The end.', ['Wait\u2026', 'The end.']],
    ['e.g. and i.e.', 'Some fields, e.g. Trade, grew, i.e. More. Done.', ['Some fields, e.g. Trade, grew, i.e. More.', 'Done.']],
    ['company', 'Acme Co. Ltd. signed. Others did not.', ['Acme Co. Ltd. signed.', 'Others did not.']],
    ['lower-case after period', 'This is v. 2 of the text. ok then.', ['This is v. 2 of the text. ok then.']],
    ['digit starts a sentence', 'It ended in 2013. 2014 was better.', ['It ended in 2013.', '2014 was better.']],
    ['no final period', 'Xi and Peng hosted a banquet at noon on Thursday', ['Xi and Peng hosted a banquet at noon on Thursday']],
    ['chinese', '\u4ed6\u8bf4\u3002\u4f60\u597d\uff01', ['\u4ed6\u8bf4\u3002', '\u4f60\u597d\uff01']],
    ['surrounding whitespace', '  One.   Two.  ', ['One.', 'Two.']],
    ['line break inside', 'One line\ncontinues. Next.', ['One line\ncontinues.', 'Next.']],
    ['empty', '', []],
    ['only spaces', '   ', []],
  ])('%s', (_name, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('returns trimmed spans that slice back to their text', () => {
    const text = ' Mr. Wang said, \u201cYes.\u201d  And then? Nothing\u2026 ';
    for (const span of splitSentences(text)) {
      const piece = text.slice(span.start, span.end);
      expect(piece).toBe(piece.trim());
      expect(piece.length).toBeGreaterThan(0);
    }
  });
});
