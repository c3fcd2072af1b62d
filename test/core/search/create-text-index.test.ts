import { describe, expect, it } from 'vitest';
import { createTextIndex } from '../../../src/core/search/create-text-index.js';

const index = createTextIndex([
  { id: 'q1', text: 'China and Kenya will fight terrorism and separatism together.' },
  { id: 'q2', text: 'The Mombasa-Nairobi Railway promoted development.' },
  { id: 'q3', text: 'Cooperation on terrorism is a priority; cooperation on trade too.' },
  { id: 'q4', text: 'A community with a shared future.' },
]);

describe('createTextIndex', () => {
  it.each([
    ['terrorism separatism', ['q1', 'q3']],
    ['terorism seperatism', ['q1', 'q3']],
    ['railway', ['q2']],
    ['Mombasa Nairobi', ['q2']],
    ['shared future', ['q4']],
    ['trade cooperation', ['q3']],
    ['the and of', []],
    ['', []],
    ['😀 .*', []],
  ])('%j matches %j, best first', (query, ids) => {
    expect(index.match(query).map((hit) => hit.id)).toEqual(ids);
  });

  it('honours the limit and orders scores downwards', () => {
    const hits = index.match('terrorism', 1);
    expect(hits).toHaveLength(1);
    const all = index.match('terrorism cooperation trade');
    expect(all.map((hit) => hit.score)).toEqual([...all.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it('handles an empty item list', () => {
    expect(createTextIndex([]).match('anything')).toEqual([]);
  });
});
