import { describe, expect, it } from 'vitest';
import { findAttributions } from '../../../src/core/quotes/find-attributions.js';

describe('findAttributions', () => {
  it.each([
    ['Xi said that China is willing to work with Kenya.', 'before', 'said', 'Xi'],
    ['Xi Jinping pointed out that the two countries are good friends.', 'before', 'pointed out', 'Xi Jinping'],
    ['Noting that the move is a strategic choice, Xi said that China is ready.', 'before', 'said', 'Xi'],
    ['China and Kenya should support each other, Xi said.', 'after', 'said', 'Xi'],
    ['Cooperation is conducive to development, Ruto added.', 'after', 'added', 'Ruto'],
    ['In recent years, Xi said, the community has become richer.', 'middle', 'said', 'Xi'],
    ['Second, he said, cooperation should be improved.', 'middle', 'said', 'he'],
    ['Fourth, Xi noted, exchanges should be carried out.', 'middle', 'noted', 'Xi'],
    ['First, mutual trust should guide relations, Xi said, urging both countries to cooperate.', 'after', 'said', 'Xi'],
    ['He called on the two sides to enhance communication.', 'before', 'called on', 'He'],
    ['He also called for organizing well the tourism year.', 'before', 'called for', 'He'],
    ['Ruto expressed gratitude to the Chinese government.', 'before', 'expressed', 'Ruto'],
    ['Tokayev expressed pleasure at the signing, noting that it will boost exchanges.', 'before', 'expressed', 'Tokayev'],
    ['He extended congratulations and expressed confidence that China will prosper.', 'before', 'extended', 'He'],
    ['The Chinese president credited this bond as a testament to solidarity.', 'before', 'credited', 'The Chinese president'],
    [
      'Chinese President Xi Jinping emphasized on Tuesday that the partnership is unique.',
      'before',
      'emphasized',
      'Chinese President Xi Jinping',
    ],
    [
      'ASTANA, June 16 (Xinhua) -- Chinese President Xi Jinping said on Monday that China stands ready.',
      'before',
      'said',
      'Chinese President Xi Jinping',
    ],
    ['Wang Yi said, Kenya is an exemplary partner.', 'before', 'said', 'Wang Yi'],
    [
      'State Councilor and Foreign Minister Wang Yi stressed that ties are strong.',
      'before',
      'stressed',
      'State Councilor and Foreign Minister Wang Yi',
    ],
    ['"We will win," said Mr. Smith.', 'after', 'said', 'Mr. Smith'],
    ['"We will win," he said.', 'after', 'said', 'he'],
    ['Dr. Melvin W. Barnes, superintendent, said he thought the schools were waiting.', 'before', 'said', 'Dr. Melvin W. Barnes'],
    ['“We won”, John Smith, a spokesman for the county board, said.', 'after', 'said', 'John Smith'],
    ['The President noted that Congress passed a law.', 'before', 'noted', 'The President'],
    ['“Pittsburgh is the team to beat”, Mauch said here the other day.', 'after', 'said', 'Mauch'],
    ['In Beijing on Monday, Xi said China is ready.', 'before', 'said', 'Xi'],
    ['After paying tribute to the conductor, President Kennedy said, “As an American I am proud”.', 'before', 'said', 'President Kennedy'],
    ['“This is a modest proposal”, he said, “and a cheap one”.', 'middle', 'said', 'he'],
    ['Spraying is endangering crops, Carl W. Buchheister, president of the society, said today.', 'after', 'said', 'Carl W. Buchheister'],
    ['Mrs. Jones emphasised that rules matter.', 'before', 'emphasised', 'Mrs. Jones'],
  ])('%s -> %s %s by %s', (sentence, position, verb, speaker) => {
    const found = findAttributions(sentence);
    expect(found[0]).toMatchObject({ position, verb, speakerText: speaker });
    const first = found[0]!;
    expect(sentence.slice(first.speakerStart, first.speakerEnd)).toBe(speaker);
  });

  it.each([
    ['After the talks, the two heads of state witnessed the signing of 20 documents.'],
    ['Xi and Peng also hosted a welcoming banquet for Ruto and Rachel.'],
    ['Cai Qi, Wang Yi, and Qin Gang, among others, were present at the above events.'],
    ['Upon his arrival, President Tokayev welcomed Xi Jinping with a grand ceremony at the airport.'],
    ['In September 2013, Xi Jinping proposed the Silk Road Economic Belt during his visit.'],
    ['Kenya firmly adheres to the one-China policy and insists that Taiwan is part of China.'],
    ['Kazakh children sang “Ode to the Motherland” in Chinese.'],
    ['President Xi Jinping’s remarks were welcomed.'],
    ['The jury said it did find that many laws are outmoded.'],
    ['He said.'],
    ['Only Miss Gee asked for bail.'],
    ['Cai Qi, Wang Yi, and Qin Gang, among others, said nothing.'],
    ['The British Council said the rules matter.'],
    ['We maintained close communication.'],
    // Acts, not statements: nothing said follows them.
    ['In his statement, Xi Jinping conveyed warm regards and best wishes to President Tokayev.'],
    ['Xi Jinping also looked forward to participating in the SCO summit in Astana, where he intends to collaborate.'],
    ['Tokayev expressed his pleasure to attend the summit.'],
    ['During his visit, Xi Jinping expressed eagerness to engage in discussions with Tokayev.'],
  ])('finds no attribution in: %s', (sentence) => {
    expect(findAttributions(sentence)).toEqual([]);
  });
});
