import { afterEach, describe, expect, it } from 'vitest';
import { describeCorpus, loadCorpus } from '../../../src/core/corpus/index.js';
import { TINY_PEOPLE, tempFolders } from './corpus-fixtures.js';

const temp = tempFolders();
afterEach(() => temp.cleanup());

describe('describeCorpus', () => {
  it('lists loaded documents and, at the top level, the files that did not load', async () => {
    const dir = temp.folder({
      'people.json': TINY_PEOPLE,
      'a.txt': 'date 2025-04-24 BEIJING, April 24 (Xinhua) -- President Xi met Chinese leaders. They talked.',
      'b.txt': 'Xi spoke on Tuesday.',
      'c.txt': '',
    });
    expect(describeCorpus(await loadCorpus(dir))).toEqual({
      documents: [
        {
          id: 'a',
          title: 'President Xi met Chinese leaders',
          eventDate: '2025-04-24',
          publishedDate: '2025-04-24',
          place: 'Beijing',
          source: 'Xinhua',
          people: ['Xi Jinping'],
          countries: ['China'],
          paragraphs: 1,
          sentences: 2,
          warnings: [],
        },
        {
          id: 'b',
          title: 'Xi spoke on Tuesday',
          eventDate: null,
          publishedDate: null,
          place: null,
          source: null,
          people: ['Xi Jinping'],
          countries: [],
          paragraphs: 1,
          sentences: 1,
          warnings: [expect.stringContaining('no event date')],
        },
      ],
      warnings: [{ file: 'c.txt', reason: 'the file is empty' }],
    });
  });

  it('survives a JSON round trip unchanged', async () => {
    const dir = temp.folder({ 'people.json': TINY_PEOPLE, 'a.txt': 'Xi met \u201cfriends\u201d in Beijing. Fine.' });
    const described = describeCorpus(await loadCorpus(dir));
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
  });
});
