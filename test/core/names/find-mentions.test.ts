import { describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../src/core/document.js';
import { compileMentionFinder, findMentions, loadGazetteer } from '../../../src/core/names/index.js';

const seeds = loadGazetteer(new URL('../../../seeds', import.meta.url).pathname);

const show = (text: string, gazetteer: Gazetteer = seeds) => findMentions(text, gazetteer).map((m) => `${m.kind}:${m.name}<${m.matched}>`);

describe('findMentions on the seeds people table', () => {
  it.each([
    ['Xi said', ['person:Xi Jinping<Xi>']],
    ['President Xi Jinping held talks', ['person:Xi Jinping<President Xi Jinping>']],
    ['Chinese President Xi Jinping held talks', ['person:Xi Jinping<Chinese President Xi Jinping>']],
    ['talks in Xi\u2019an today', ["place:Xi'an<Xi\u2019an>"]],
    ["talks in Xi'an today", ["place:Xi'an<Xi'an>"]],
    ['talks in Xian today', ["place:Xi'an<Xian>"]],
    ['Xi\u2019s plane', ['person:Xi Jinping<Xi>']],
    ['his wife, Rachel Ruto, smiled', ['person:Rachel Ruto<Rachel Ruto>']],
    ['Ruto and Rachel', ['person:William Ruto<Ruto>', 'person:Rachel Ruto<Rachel>']],
    ['Kenyan President William Ruto', ['person:William Ruto<Kenyan President William Ruto>']],
    ['Kazakh children sang', ['country:Kazakhstan<Kazakh>']],
    ['Kazakh President Kassym-Jomart Tokayev', ['person:Kassym-Jomart Tokayev<Kazakh President Kassym-Jomart Tokayev>']],
    ['President Tokayev welcomed', ['person:Kassym-Jomart Tokayev<President Tokayev>']],
    ['The Chinese president credited', ['person:Xi Jinping<The Chinese president>']],
    ['the Kenyan president said', ['person:William Ruto<the Kenyan president>']],
    ['the Kenyan president Ruto said', ['person:William Ruto<the Kenyan president Ruto>']],
    ['Chinese President Hu Jintao', []],
    ['the People\u2019s Republic of China', ['country:China<People\u2019s Republic of China>']],
    ['Mombasa-Nairobi Railway', ['place:Mombasa<Mombasa>', 'place:Nairobi<Nairobi>']],
    ['China-Kenya ties', ['country:China<China>', 'country:Kenya<Kenya>']],
    ['Cabinet Secretary Omamo and Wang Yi', ['person:Raychelle Awuor Omamo<Cabinet Secretary Omamo>', 'person:Wang Yi<Wang Yi>']],
    ['Cai Qi, Wang Yi, and Qin Gang', ['person:Cai Qi<Cai Qi>', 'person:Wang Yi<Wang Yi>', 'person:Qin Gang<Qin Gang>']],
    ['Peng Liyuan and Peng', ['person:Peng Liyuan<Peng Liyuan>', 'person:Peng Liyuan<Peng>']],
    ['Xinjiang, Xiamen, Rutor, Chinatown, PRCs', []],
    ['xi said, kenya agreed', []],
    ['President\u00a0Xi said', ['person:Xi Jinping<President\u00a0Xi>']],
  ])('%s', (text, expected) => {
    expect(show(text)).toEqual(expected);
  });

  it('gives offsets that slice back to the matched text', () => {
    const text = 'Prior to the talks, Xi and his wife, Peng Liyuan, held a ceremony for Ruto in Beijing.';
    for (const m of findMentions(text, seeds)) expect(text.slice(m.start, m.end)).toBe(m.matched);
  });
});

describe('findMentions on hand-made tables', () => {
  const tiny: Gazetteer = {
    people: [{ name: 'Ann Lee', aliases: ['Lee', 'A.B. Lee'], titles: [], country: null }],
    countries: [{ name: 'Utopia', aliases: ['Utopian'] }],
    places: [{ name: 'Lee Town', aliases: [], country: 'Utopia' }],
  };

  it.each([
    ['Lee spoke in Lee Town', ['person:Ann Lee<Lee>', 'place:Lee Town<Lee Town>']],
    ['A.B. Lee (Utopian)', ['person:Ann Lee<A.B. Lee>', 'country:Utopia<Utopian>']],
    ['AxB. Lee', ['person:Ann Lee<Lee>']],
  ])('%s', (text, expected) => {
    expect(show(text, tiny)).toEqual(expected);
  });

  it('finds nothing with an empty table', () => {
    expect(compileMentionFinder({ people: [], countries: [], places: [] })('Xi said')).toEqual([]);
  });
});
