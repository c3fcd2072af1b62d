import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src/core/corpus/index.js';
import type { Document } from '../../../src/core/document.js';
import { loadGazetteer } from '../../../src/core/names/index.js';
import { SEEDS_DIR } from './corpus-fixtures.js';

const gazetteer = loadGazetteer(SEEDS_DIR);

function build(raw: string): Document {
  const built = buildDocument({ id: 't', file: 't.txt', raw, gazetteer });
  if (!built.ok) throw new Error(built.reason);
  return built.document;
}

describe('dates', () => {
  it('takes the year a dateline writes ("ASTANA, March 3, 2025 (Xinhua) --") without a publication date', () => {
    const doc = build('ASTANA, March 3, 2025 (Xinhua) -- Xi spoke.');
    expect({ eventDate: doc.eventDate, place: doc.place, warnings: doc.warnings }).toEqual({
      eventDate: '2025-03-03',
      place: 'Astana',
      warnings: [],
    });
  });

  it.each([
    ['lead "On <Month> <d>, <yyyy>"', 'On January 6, 2022 local time, Wang Yi met the press.', '2022-01-06', null],
    ['lead "On the afternoon of"', 'On the afternoon of May 17, 2023, Xi held talks.', '2023-05-17', null],
    ['day month year', 'On 6 January 2022, Wang Yi met the press.', '2022-01-06', null],
    ['date token gives the publication date', 'date 2022-01-07 On January 6, 2022, Wang Yi spoke.', '2022-01-06', '2022-01-07'],
    ['dateline takes the publication year', 'date 2025-04-24 BEIJING, April 24 (Xinhua) -- Xi met Ruto.', '2025-04-24', '2025-04-24'],
    [
      'dateline a day before publication',
      'From:x | Date Add in:2025-06-17 08:48:02 [A A] |\nASTANA, June 16 (Xinhua) -- Xi met Tokayev.',
      '2025-06-16',
      '2025-06-17',
    ],
    [
      'dateline after the publication day is last year',
      'date 2025-01-02 BEIJING, Dec. 31 (Xinhua) -- Xi spoke.',
      '2024-12-31',
      '2025-01-02',
    ],
    ['lone date line', 'Title Here\n\n2023-05-17 23:40\n\nXi held talks in Beijing. Fine.', null, '2023-05-17'],
    ['weekday alone is no date', 'date 2024-07-03 Xi emphasized on Tuesday that ties are strong.', null, '2024-07-03'],
    ['month and year alone is no date', 'In September 2013, Xi proposed the Belt.', null, null],
    ['impossible date is ignored', 'On February 30, 2023, something happened.', null, null],
    ['impossible published date is ignored', 'date 2023-02-30 Xi spoke on Monday.', null, null],
    [
      'a back-reference does not beat the dateline',
      'date 2025-06-17 ASTANA, June 16 (Xinhua) -- The treaty of May 2, 2019 holds.',
      '2025-06-16',
      '2025-06-17',
    ],
  ])('%s', (_name, raw, eventDate, publishedDate) => {
    const doc = build(raw);
    expect({ eventDate: doc.eventDate, publishedDate: doc.publishedDate }).toEqual({ eventDate, publishedDate });
  });

  it.each([
    ['no date at all', 'Xi spoke on Tuesday.', /no event date.*t\.meta\.json/],
    ['impossible date', 'date 2023-02-30 Xi spoke.', /"2023-02-30" is not a real calendar date/],
    ['dateline without a year', 'BEIJING, April 24 (Xinhua) -- Xi spoke.', /gives no year/],
  ])('warns about %s', (_name, raw, warning) => {
    expect(build(raw).warnings.join('\n')).toMatch(warning);
  });
});

describe('place, source and title', () => {
  it.each([
    ['dateline city in the table', 'BEIJING, April 24 (Xinhua) -- Xi spoke in Astana.', 'Beijing', 'Xinhua'],
    ['unknown dateline city', 'NEW YORK, May 3 (AP) -- Xi spoke.', 'New York', 'AP'],
    ['dateline with a year', 'ASTANA, March 3, 2025 (Xinhua) -- Xi spoke.', 'Astana', 'Xinhua'],
    ['lead "in <place>"', 'Wang Yi met the press in Mombasa.', 'Mombasa', null],
    ['curly apostrophe place', 'Xi held talks in Xi\u2019an.', "Xi'an", null],
    ['second paragraph "in <place>"', 'Xi spoke on Tuesday.\nXi arrived in Astana.', 'Astana', null],
    ['a place not after "in"', 'The Beijing Summit was held.', null, null],
    ['Chinese source name', 'From:\u65b0\u534e\u7f51 | Date Add in:2025-06-17 08:48:02 [A A] |\nXi spoke.', null, 'Xinhua'],
  ])('%s', (_name, raw, place, source) => {
    const doc = build(raw);
    expect({ place: doc.place, source: doc.source }).toEqual({ place, source });
  });

  it.each([
    ['headline line', 'Xi Holds Talks\nXi held talks. Fine.', 'Xi Holds Talks'],
    ['markdown heading', '# Xi Holds Talks.\n\nXi held talks. Fine.', 'Xi Holds Talks.'],
    ['derived from a short lead', 'Xi held talks with Ruto. Fine.', 'Xi held talks with Ruto'],
    [
      'derived from a long lead, roles before known names dropped',
      'On January 6, 2022 local time, State Councilor and Foreign Minister Wang Yi and Kenyan Cabinet Secretary for Foreign Affairs Raychelle Awuor Omamo jointly met the press in Mombasa.',
      'Wang Yi and Raychelle Awuor Omamo jointly met the press in Mombasa',
    ],
    [
      'derived from a long lead with a role after "the"',
      'Yesterday the visiting Chinese State Councilor and Foreign Minister Wang Yi and the Kenyan Cabinet Secretary for Foreign Affairs Omamo met the press.',
      'Yesterday the visiting Wang Yi and Omamo met the press',
    ],
    [
      'derived from a long lead without known names, cut at a word',
      'The delegation of the regional economic commission reviewed the implementation of the agreements reached during the previous session of the council.',
      'The delegation of the regional economic commission reviewed the implementation\u2026',
    ],
    ['derived from a lead that starts with an abbreviation', 'Mr. Lee met Dr. Kim in Seoul. They talked.', 'Mr. Lee met Dr. Kim in Seoul'],
    ['a one-line file is its own lead', 'Xi spoke', 'Xi spoke'],
  ])('%s', (_name, raw, title) => {
    expect(build(raw).title).toBe(title);
  });

  it('keeps the markdown heading out of the paragraphs', () => {
    expect(build('# Heading\n\nBody text here. More.').paragraphs.map((p) => p.text)).toEqual(['Body text here. More.']);
  });
});

describe('paragraphs', () => {
  it.each([
    ['blank-line separated, hard-wrapped', 'First para\nwraps here.\n\nSecond para.', ['First para\nwraps here.', 'Second para.']],
    ['single-newline separated', 'One.\nTwo.\nThree.', ['One.', 'Two.', 'Three.']],
    ['CRLF line ends', 'One.\r\n\r\nTwo.\r\n', ['One.', 'Two.']],
    ['trailing pipe cut inside a block', 'Line one |\nLine two.\n\nNext.', ['Line one', 'Line two.', 'Next.']],
    [
      'share bar before a lead',
      ' date 2025-04-24 0 SHARES Share Tweet\n\nBEIJING, April 24 (Xinhua) \u2014 Xi spoke.',
      ['BEIJING, April 24 (Xinhua) \u2014 Xi spoke.'],
    ],
    ['breadcrumb with no-break spaces', 'Home\u00a0>\u00a0China News\nHeadline\n\nBody. Text.', ['Body. Text.']],
  ])('%s', (_name, raw, expected) => {
    const doc = build(raw);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(expected);
    for (const p of doc.paragraphs) expect(raw.slice(p.start, p.end)).toBe(p.text);
  });
});
