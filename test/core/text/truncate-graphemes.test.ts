import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { echoInput } from '../../../src/core/text/echo-input.js';
import { stripUnsafeCharacters } from '../../../src/core/text/strip-unsafe-characters.js';
import { graphemeCount, truncateGraphemes } from '../../../src/core/text/truncate-graphemes.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('truncateGraphemes', () => {
  it.each([
    { name: 'short text stays', text: 'visa', max: 10, expected: 'visa' },
    { name: 'cut with an ellipsis', text: 'belt and road', max: 6, expected: 'belt…' },
    { name: 'never splits a surrogate pair', text: '🔥'.repeat(3000), max: 60, expected: `${'🔥'.repeat(29)}…` },
    { name: 'never splits a flag', text: '🇰🇪'.repeat(1000), max: 60, expected: `${'🇰🇪'.repeat(14)}…` },
    { name: 'x and emoji', text: 'x🔥🔥'.repeat(100), max: 10, expected: 'x🔥🔥x🔥…' },
    { name: 'keeps a letter with its accent', text: `${'e\u0301'.repeat(10)}`, max: 6, expected: `${'e\u0301'.repeat(2)}…` },
    { name: 'a family emoji is one grapheme', text: '👨‍👩‍👧‍👦👨‍👩‍👧‍👦', max: 12, expected: '👨‍👩‍👧‍👦…' },
    {
      name: 'one grapheme longer than the room is cut between code points',
      text: `a${'\u0301'.repeat(50)}`,
      max: 5,
      expected: `a${'\u0301'.repeat(3)}…`,
    },
    { name: 'zero room', text: 'abc', max: 0, expected: '' },
  ])('$name', ({ text, max, expected }) => {
    expect(truncateGraphemes(text, max)).toBe(expected);
  });

  it('for any text and limit: within the limit, no lone surrogate, a prefix of the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 0, max: 400 }), (text, max) => {
        const cut = truncateGraphemes(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut).not.toMatch(LONE_SURROGATE);
        if (cut !== text && cut.length > 0) expect(text.startsWith(cut.slice(0, -1).trimEnd())).toBe(true);
        if (text.length <= max) expect(cut).toBe(text);
      }),
    );
  });

  it('counts graphemes as a person would', () => {
    expect(graphemeCount('🇰🇪🔥e\u0301')).toBe(3);
  });
});

describe('stripUnsafeCharacters', () => {
  it.each([
    { name: 'right-to-left override', text: 'abc\u202edef', expected: 'abcdef' },
    { name: 'isolates and marks', text: '\u2066a\u2069\u200fb\u200e\u061c', expected: 'ab' },
    { name: 'NUL, escape, DEL and C1 controls', text: 'a\u0000b\u001b[31mc\u007f\u0085', expected: 'ab[31mc' },
    { name: 'keeps tab and newline', text: 'a\tb\nc', expected: 'a\tb\nc' },
    { name: 'lone surrogates become U+FFFD', text: 'a\ud83db\udd25', expected: 'a\ufffdb\ufffd' },
    { name: 'pairs stay', text: '🔥', expected: '🔥' },
  ])('$name', ({ text, expected }) => {
    expect(stripUnsafeCharacters(text)).toBe(expected);
  });
});

describe('echoInput', () => {
  it.each([
    { name: '3,000 fire emoji', text: '🔥'.repeat(3000) },
    { name: '1,000 flags', text: '🇰🇪'.repeat(1000) },
    { name: 'x and two emoji, repeated', text: 'x🔥🔥'.repeat(1000) },
    { name: 'bidi override', text: `\u202e${'a'.repeat(200)}` },
  ])('echoes $name cut, whole and without controls', ({ text }) => {
    const echo = echoInput(text, 80);
    expect(echo.length).toBeLessThanOrEqual(80);
    expect(echo.endsWith('…')).toBe(true);
    expect(echo).not.toMatch(LONE_SURROGATE);
    expect(echo).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('folds whitespace', () => {
    expect(echoInput('  belt \n\t and   road ', 80)).toBe('belt and road');
  });
});
