import { describe, expect, it } from 'vitest';
import { editBudget } from '../../../src/core/search/correct-word.js';
import { boundedEditDistance } from '../../../src/core/search/edit-distance.js';
import { makeSnippet } from '../../../src/core/search/make-snippet.js';
import { selectTop } from '../../../src/core/search/select-top.js';
import { tokenize } from '../../../src/core/search/tokenize.js';

describe('tokenize', () => {
  it.each([
    ["Xi'an", ['xian']],
    ['Xi’an', ['xian']],
    ["China's", ['china']],
    ['Kenya’s', ['kenya']],
    ['Mombasa-Nairobi', ['mombasa', 'nairobi']],
    ['Mombasa–Nairobi', ['mombasa', 'nairobi']],
    ['Café Zürich', ['cafe', 'zurich']],
    ['ŞEKER Straße', ['seker', 'strasse']],
    ['Ke\u200Bnya', ['kenya']],
    ['\uFEFFKenya', ['kenya']],
    ['新华网', ['新', '华', '网']],
    ['😀 a.*b', ['a', 'b']],
    ['2023-05-17', ['2023', '05', '17']],
    ['', []],
  ])('%j -> %j', (text, terms) => {
    expect(tokenize(text).map((token) => token.term)).toEqual(terms);
  });

  it('reports offsets into the original text', () => {
    const text = 'Met in Xi’an, China.';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end).length).toBeGreaterThan(0);
    expect(tokenize(text).map((token) => text.slice(token.start, token.end))).toEqual(['Met', 'in', 'Xi’an', 'China']);
  });
});

describe('boundedEditDistance', () => {
  it.each([
    ['tokaev', 'tokayev', 2, 1],
    ['kazakstan', 'kazakhstan', 2, 1],
    ['seperatism', 'separatism', 2, 1],
    ['extremsim', 'extremism', 2, 1],
    ['abc', 'abc', 0, 0],
    ['abc', 'xyz', 1, 2],
    ['', 'ab', 2, 2],
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 2, 3],
  ])('%s vs %s within %i is %i', (a, b, max, distance) => {
    expect(boundedEditDistance(a, b, max)).toBe(distance);
  });

  it.each([
    ['xi', 0],
    ['kem', 0],
    ['kenya', 1],
    ['tokaev', 1],
    ['mombassa', 2],
    ['seperatism', 2],
  ])('a %s query word may be %i edits away', (word, budget) => {
    expect(editBudget(word)).toBe(budget);
  });
});

describe('makeSnippet', () => {
  const long = `${'Opening words of a long paragraph about nothing in particular. '.repeat(6)}Here the railway from Mombasa to Nairobi appears, ${'followed by many more words that pad the paragraph out. '.repeat(6)}`;
  const match = (words: string[]) => (term: string) => words.includes(term);

  it.each([
    ['a short text whole', 'Kenya and China agreed.', ['kenya'], 'Kenya and China agreed.', ['Kenya']],
    ['whitespace collapsed', 'Kenya  and\nChina.', ['china'], 'Kenya and China.', ['China']],
  ])('keeps %s', (_, text, words, snippet, marked) => {
    const result = makeSnippet(text, match(words));
    expect(result.snippet).toBe(snippet);
    expect(result.highlights.map(([s, e]) => result.snippet.slice(s, e))).toEqual(marked);
  });

  it.each([[['railway', 'mombasa']], [['opening']], [['padd']], [['out']]])(
    'cuts a long paragraph around %j at word boundaries',
    (words) => {
      const result = makeSnippet(long, match(words));
      expect(result.snippet.length).toBeLessThanOrEqual(240);
      const body = result.snippet.replace(/^…/, '').replace(/…$/, '');
      expect(long.replace(/\s+/g, ' ')).toContain(body);
      const at = long.replace(/\s+/g, ' ').indexOf(body);
      expect(at === 0 || long[at - 1] === ' ').toBe(true);
      for (const [start, end] of result.highlights) expect(words).toContain(result.snippet.slice(start, end).toLowerCase());
    },
  );

  it('puts the densest cluster of matches in the snippet', () => {
    const result = makeSnippet(long, match(['railway', 'mombasa', 'nairobi']));
    expect(result.highlights).toHaveLength(3);
    expect(result.snippet.startsWith('…')).toBe(true);
  });
});

describe('selectTop', () => {
  it.each([
    [[5, 1, 9, 3], 2, [2, 0]],
    [[1, 1, 1], 2, [0, 1]],
    [[3], 5, [0]],
    [[], 3, []],
    [[4, 8], 0, []],
  ])('keys %j, top %i -> %j', (keys, k, expected) => {
    expect(selectTop(keys.length, (i) => keys[i]!, k)).toEqual(expected);
  });

  it('agrees with a full sort', () => {
    const keys = Array.from({ length: 500 }, (_, i) => (i * 7919) % 101);
    const sorted = keys.map((key, index) => ({ key, index })).sort((a, b) => b.key - a.key || a.index - b.index);
    expect(selectTop(keys.length, (i) => keys[i]!, 25)).toEqual(sorted.slice(0, 25).map((entry) => entry.index));
  });
});
