import { describe, expect, it } from 'vitest';
import { buildOnThisDayReply, describeOnThisDay, onThisDay } from '../../../src/core/calendar/index.js';
import type { Quote } from '../../../src/core/quotes/quote-types.js';
import { plainText } from '../../../src/core/reply.js';
import { makeCorpus, makeDocument, seedLikeCorpus } from './corpus-fixture.js';

describe('onThisDay: exact matches', () => {
  it.each([
    ['2026-04-24', [['000_kenya', 1]]],
    ['2030-04-24', [['000_kenya', 5]]],
    ['2026-01-06', [['001_mombasa', 4]]],
    ['2026-05-17', [['002_kazakhstan', 3]]],
    ['2026-07-02', [['003_july', 2]]],
    ['2026-06-16', [['004_june', 1]]],
    // The same year is not "years ago", and nor is a later one.
    // The asked year itself counts, labelled 0 years ago ("that very day"); later years never do.
    ['2025-04-24', [['000_kenya', 0]]],
    ['2024-04-24', []],
  ])('on %s', (date, expected) => {
    const result = onThisDay(seedLikeCorpus, { date, window: 0 });
    expect(result.items.map((item) => [item.docId, item.yearsAgo])).toEqual(expected);
    expect(result.nearby).toEqual([]);
  });

  it('uses the event date, and the published date only when there is no event date, saying which', () => {
    const corpus = makeCorpus([
      makeDocument('event', { eventDate: '2020-03-10', publishedDate: '2020-03-11' }),
      makeDocument('published', { publishedDate: '2021-03-10' }),
      makeDocument('undated', {}),
      makeDocument('broken', { eventDate: '2021-02-30' }),
    ]);
    const result = onThisDay(corpus, { date: '2026-03-10' });
    expect(result.items.map((item) => [item.docId, item.dateField, item.eventDate, item.yearsAgo])).toEqual([
      ['published', 'publishedDate', '2021-03-10', 5],
      ['event', 'eventDate', '2020-03-10', 6],
    ]);
    expect(onThisDay(corpus, { date: '2026-03-11', window: 0 }).items).toEqual([]);
  });

  it('leads with the strongest quote when there is one, else the first real sentence, with its paragraph', () => {
    const quote = {
      text: 'Xi said there are no winners in trade wars.',
      statement: 'there are no winners in trade wars.',
      shown: 'Xi said there are no winners in trade wars.',
      namesSpeaker: true,
      speech: 'indirect',
      cue: { verb: 'said', position: 'before', speakerText: 'Xi' },
      speaker: 'Xi Jinping',
      paragraph: 7,
    } as Quote;
    const withQuote = onThisDay(seedLikeCorpus, { date: '2026-04-24', strongestQuote: (id) => (id === '000_kenya' ? quote : undefined) });
    expect(withQuote.items[0]?.lead).toEqual({
      kind: 'quote',
      text: 'Xi said there are no winners in trade wars.',
      speaker: 'Xi Jinping',
      paragraph: 7,
      speech: 'indirect',
      namesSpeaker: true,
    });
    const withoutQuote = onThisDay(seedLikeCorpus, { date: '2026-04-24' });
    expect(withoutQuote.items[0]?.lead).toEqual({
      kind: 'lead',
      text: 'The two sides held talks on cooperation, according to readout 000_kenya.',
      speaker: null,
      paragraph: 0,
    });
  });
});

describe('onThisDay: leap day', () => {
  const corpus = makeCorpus([
    makeDocument('leap', { eventDate: '2020-02-29' }),
    makeDocument('feb28', { eventDate: '2019-02-28' }),
    makeDocument('mar1', { eventDate: '2019-03-01' }),
  ]);

  it.each([
    // date, includeLeapDay, exact items (docId, leapDay flag)
    ['2024-02-29', false, [['leap', undefined]]],
    ['2028-02-29', true, [['leap', undefined]]],
    ['2025-02-28', false, [['feb28', undefined]]],
    [
      '2025-02-28',
      true,
      [
        ['feb28', undefined],
        ['leap', true],
      ],
    ],
    // In a leap year 28 February is an ordinary day: 29 February comes tomorrow.
    ['2024-02-28', true, [['feb28', undefined]]],
    ['2025-03-01', true, [['mar1', undefined]]],
  ])('on %s (includeLeapDay %s)', (date, includeLeapDay, expected) => {
    const result = onThisDay(corpus, { date, includeLeapDay, window: 0 });
    expect(result.items.map((item) => [item.docId, item.leapDay])).toEqual(expected);
  });

  it('flags the added leap-day items in the reply', () => {
    const reply = buildOnThisDayReply(onThisDay(corpus, { date: '2025-02-28', includeLeapDay: true }));
    const notes = reply.blocks.filter((block) => block.kind === 'note').map((block) => block.text);
    expect(notes).toEqual(['2025 has no 29 February, so here is what happened on 29 February too:']);
  });
});

describe('onThisDay: nearby anniversaries', () => {
  it.each([
    // date, window, expected nearby (docId, daysAway, anniversary, yearsAgo)
    ['2026-04-21', 7, [['000_kenya', 3, '2026-04-24', 1]]],
    ['2026-04-27', 7, [['000_kenya', -3, '2026-04-24', 1]]],
    ['2026-04-27', 2, []],
    ['2026-04-17', 7, [['000_kenya', 7, '2026-04-24', 1]]],
    ['2026-04-16', 7, []],
    // Across the year boundary: 6 January is 8 days after 29 December.
    ['2025-12-29', 8, [['001_mombasa', 8, '2026-01-06', 4]]],
    [
      '2026-05-15',
      40,
      [
        ['002_kazakhstan', 2, '2026-05-17', 3],
        ['000_kenya', -21, '2026-04-24', 1],
        ['004_june', 32, '2026-06-16', 1],
      ],
    ],
  ])('around %s within %s days', (date, window, expected) => {
    const result = onThisDay(seedLikeCorpus, { date, window });
    expect(result.items).toEqual([]);
    expect(result.nearby.map((item) => [item.docId, item.daysAway, item.anniversary, item.yearsAgo])).toEqual(expected);
    expect(result.nearby.every((item) => item.nearby === true)).toBe(true);
  });

  it('offers nearby items only when nothing matches exactly', () => {
    const corpus = makeCorpus([makeDocument('a', { eventDate: '2020-04-24' }), makeDocument('b', { eventDate: '2021-04-25' })]);
    const result = onThisDay(corpus, { date: '2026-04-24' });
    expect(result.items.map((item) => item.docId)).toEqual(['a']);
    expect(result.nearby).toEqual([]);
  });

  it('never invents a match in an empty corpus', () => {
    const result = onThisDay(makeCorpus([]), { date: '2026-04-24' });
    expect(result).toEqual({ date: '2026-04-24', window: 7, items: [], nearby: [], nearest: { before: null, after: null } });
    const reply = buildOnThisDayReply(result);
    expect(reply.blocks.map((block) => (block.kind === 'note' || block.kind === 'heading' ? block.text : block.kind))).toEqual([
      'On this day, 24 April 2026',
      'Nothing in the readouts happened on 24 April in 2026 or earlier years.',
      'Nothing within 7 days either side either.',
      'The corpus has no dated readouts yet: add documents (or .meta.json sidecars with "eventDate") to the seeds folder.',
    ]);
    expect(reply.isError).toBe(true);
  });

  it('names the nearest days with readouts on an empty day, with an action for each, across the year end', () => {
    const corpus = makeCorpus([makeDocument('july', { eventDate: '2024-07-02' }), makeDocument('january', { eventDate: '2022-01-06' })]);
    const result = onThisDay(corpus, { date: '2026-09-15' });
    expect(result.nearest).toEqual({ before: { date: '2026-07-02', days: -75 }, after: { date: '2027-01-06', days: 113 } });
    const reply = buildOnThisDayReply(result);
    const notes = reply.blocks.flatMap((block) => (block.kind === 'note' ? [block.text] : []));
    expect(notes.at(-1)).toBe('The nearest days with readouts: 2 July 2026 (75 days before) and 6 January 2027 (113 days after).');
    expect(reply.buttons.map((button) => button.action)).toEqual([
      { command: 'onthisday', args: '2026-07-02' },
      { command: 'onthisday', args: '2027-01-06' },
    ]);
    // Within the window there is no "nearest" line: the nearby items are shown instead.
    expect(onThisDay(corpus, { date: '2026-07-05' }).nearest).toBeUndefined();
  });
});

describe('describeOnThisDay', () => {
  it('gives the public JSON shape', () => {
    expect(describeOnThisDay(onThisDay(seedLikeCorpus, { date: '2026-04-24' }), 'Asia/Almaty')).toEqual({
      date: '2026-04-24',
      timezone: 'Asia/Almaty',
      items: [{ docId: '000_kenya', title: 'Xi holds talks with Ruto', eventDate: '2025-04-24', yearsAgo: 1, dateField: 'eventDate' }],
      nearby: [],
    });
    expect(describeOnThisDay(onThisDay(seedLikeCorpus, { date: '2026-04-22' }), 'UTC')).toEqual({
      date: '2026-04-22',
      timezone: 'UTC',
      items: [],
      nearby: [
        {
          docId: '000_kenya',
          title: 'Xi holds talks with Ruto',
          eventDate: '2025-04-24',
          yearsAgo: 1,
          dateField: 'eventDate',
          anniversary: '2026-04-24',
          daysAway: 2,
        },
      ],
    });
  });
});

describe('buildOnThisDayReply', () => {
  it('shows each item with its date, years ago, place and citation', () => {
    const reply = buildOnThisDayReply(onThisDay(seedLikeCorpus, { date: '2026-04-24' }));
    expect(reply.blocks[0]).toEqual({ kind: 'heading', text: 'On this day, 24 April 2026' });
    const result = reply.blocks[1];
    expect(result?.kind).toBe('result');
    if (result?.kind !== 'result') return;
    expect(result.citation).toEqual({
      docId: '000_kenya',
      title: 'Xi holds talks with Ruto',
      paragraph: 0,
      date: '2025-04-24',
      place: 'Beijing',
      source: 'Xinhua',
    });
    expect(result.fields).toEqual([
      { label: 'When', value: '24 April 2025 · 1 year ago' },
      { label: 'Where', value: 'Beijing' },
    ]);
    expect(plainText(result.body)).toMatch(/^The two sides held talks/);
  });

  it('marks nearby items as nearby', () => {
    const reply = buildOnThisDayReply(onThisDay(seedLikeCorpus, { date: '2026-04-22' }));
    const texts = reply.blocks.map((block) =>
      block.kind === 'note' ? block.text : block.kind === 'result' ? block.fields?.at(-1)?.value : block.kind,
    );
    expect(texts).toEqual([
      'heading',
      'Nothing in the readouts happened on 22 April in 2026 or earlier years.',
      'Nearby anniversaries (within 7 days), not on this day:',
      '2 days later (24 April)',
    ]);
  });
});
