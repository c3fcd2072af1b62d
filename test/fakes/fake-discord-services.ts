import { z } from 'zod';
import { type AnyCommand, defineCommand, type Services } from '../../src/commands/command.js';
import { createHelpCommand } from '../../src/commands/help-command.js';
import { systemClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Reply } from '../../src/core/reply.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';

/** Text no renderer may let through as a ping or as markup. */
export const HOSTILE = '@everyone <@123> <!channel> <https://x|y> **x** `tick` [link](https://evil.example)';

/** Services with just what the Discord adapter touches: suggestions, speakers, no subscriptions. */
export function fakeDiscordServices(): Services {
  const unused = () => {
    throw new Error('not used by the Discord adapter tests');
  };
  return {
    corpus: { dir: 'fake', documents: [], gazetteer: { people: [], countries: [], places: [] }, warnings: [], fingerprint: 'fake' },
    search: {
      search: unused,
      countMatches: unused,
      suggest: (kind, prefix) =>
        ({
          person: ['Xi Jinping', 'Kassym-Jomart Tokayev'],
          country: ['Kazakhstan', 'Kenya', 'Kyrgyzstan'],
          place: ['Beijing', 'Astana'],
          document: ['000_4428246b8b720a03', `doc ${'x'.repeat(120)}`],
        })[kind].filter((name) => name.toLowerCase().startsWith(prefix.toLowerCase())),
    },
    quotes: {
      all: () => [],
      byId: () => undefined,
      bySpeaker: unused,
      about: unused,
      random: () => undefined,
      speakers: () => [
        { speaker: 'Xi Jinping', count: 12 },
        { speaker: 'Kassym-Jomart Tokayev', count: 5 },
        ...Array.from({ length: 40 }, (_, i) => ({ speaker: `Speaker ${i}`, count: 1 })),
      ],
      strongestIn: () => undefined,
      inDocument: () => [],
    },
    // A real in-memory store: the adapter only reads a channel's subscription from it.
    store: openSqliteStore(':memory:', systemClock),
    defaultTimezone: 'UTC',
    nearbyWindow: 7,
    logger: silentLogger,
  };
}

/** Declarations shaped like the real ones, with replies the tests control. */
export function fakeDiscordCommands(): AnyCommand[] {
  const list: AnyCommand[] = [
    defineCommand({
      name: 'lookup',
      description: 'Search the corpus',
      options: z.object({
        query: z.string().describe('Words to find'),
        limit: z.number().int().min(1).max(50).optional().describe('Passages per page'),
        public: z.boolean().optional().describe('Show the results to the channel'),
      }),
      positional: ['query'],
      rest: 'query',
      examples: ['lookup belt and road'],
      run: ({ query, limit, public: isPublic }): Reply => ({
        visibility: isPublic ? 'public' : 'ephemeral',
        blocks: [
          { kind: 'heading', text: `Results for ${query}` },
          ...Array.from({ length: limit ?? 2 }, (_, i) => ({
            kind: 'result' as const,
            title: `Talks ${i + 1} ${HOSTILE}`,
            body: [
              { text: 'The leaders discussed ' },
              { text: 'trade', match: true },
              { text: ` and ${HOSTILE}. ${'Long text. '.repeat(limit ? 60 : 1)}` },
            ],
            citation: { docId: `doc${i}`, title: 'Talks', paragraph: i, date: '2024-05-17', place: 'Beijing', source: 'MFA' },
          })),
          { kind: 'note', text: `Showing ${limit ?? 2} of 40` },
        ],
        buttons: [{ id: 'more', label: 'More results', action: { command: 'lookup', args: `${query} page2${' padding'.repeat(12)}` } }],
        fallback: `Results for ${query}`,
      }),
    }),
    defineCommand({
      name: 'quote',
      description: 'A quote from a speaker',
      options: z.object({
        speaker: z.string().optional().describe('Who said it'),
        id: z.string().optional().describe('One quote by id'),
      }),
      positional: ['speaker'],
      autocomplete: { speaker: 'speaker' },
      examples: ['quote xi'],
      run: ({ speaker, id }): Reply => ({
        visibility: 'ephemeral',
        blocks: [
          {
            kind: 'quote',
            speaker: speaker ?? 'Xi Jinping',
            text: [{ text: `We will deepen cooperation ${HOSTILE}` }],
            citation: { docId: 'doc1', title: 'Talks', paragraph: 3, date: '2024-05-17' },
          },
        ],
        buttons: [
          { id: 'shuffle', label: 'Shuffle', action: { command: 'quote', args: speaker ?? '' } },
          { id: 'post', label: 'Post to channel', action: { command: 'quote', args: `--id ${id ?? 'doc1:p3:s0'}` }, style: 'primary' },
        ],
        fallback: 'A quote',
      }),
    }),
    defineCommand({
      name: 'onthisday',
      description: 'What happened on this day',
      options: z.object({
        timezone: z.string().optional().describe('An IANA time zone'),
        postEmpty: z.boolean().optional().describe('Say so on empty days'),
      }),
      positional: [],
      autocomplete: { timezone: 'timezone' },
      examples: ['onthisday'],
      run: ({ timezone }): Reply =>
        timezone === 'Nowhere/Nope'
          ? {
              visibility: 'ephemeral',
              blocks: [{ kind: 'text', text: [{ text: 'Unknown time zone' }] }],
              buttons: [],
              fallback: 'Unknown time zone',
              isError: true,
            }
          : {
              visibility: 'public',
              blocks: [{ kind: 'text', text: [{ text: `On this day in ${timezone ?? 'UTC'}` }] }],
              buttons: [],
              fallback: 'On this day',
            },
    }),
    defineCommand({
      name: 'doc',
      description: 'Show a document',
      options: z.object({ id: z.string().describe('Document id') }),
      positional: ['id'],
      autocomplete: { id: 'document' },
      examples: ['doc 000'],
      run: ({ id }): Reply => ({
        visibility: 'ephemeral',
        blocks: [{ kind: 'heading', text: `Document ${id}` }],
        buttons: [],
        fallback: `Document ${id}`,
      }),
    }),
    createHelpCommand(() => list),
  ];
  return list;
}
