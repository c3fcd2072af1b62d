import fc from 'fast-check';
import type { Block, Button, Citation, Reply } from '../../src/core/reply.js';

/** Pieces of markup, pings, links, controls and broken Unicode that hostile corpus or user text may carry. */
const PIECES = [
  '<',
  '>',
  '&',
  '&amp;',
  '*',
  '_',
  '~',
  '`',
  '|',
  '\\',
  '[',
  ']',
  '(',
  ')',
  '#',
  '-',
  '1. ',
  '\n',
  '\n> ',
  '\n>>> ',
  '\n-# ',
  '\n# ',
  '\n- ',
  ' ',
  'a',
  '!channel',
  '<!channel>',
  '<!here>',
  '<@U123>',
  '<#C1|x>',
  '@everyone',
  '@here',
  '<@123>',
  '<@&9>',
  '<#456>',
  '</cmd:1>',
  '<t:1700000000>',
  '<:e:1>',
  '[x](https://evil.example)',
  '<https://evil.example|click>',
  'https://evil.example',
  'http:/',
  'https:',
  '//evil.example',
  'everyone',
  '. ',
  '/',
  ':',
  '\u202e',
  '\u2066',
  '\u200f',
  '\u0000',
  '\u001b',
  '\u0085',
  '\ud83d',
  '\udd25',
  '🔥',
  '🇰🇪',
  'e\u0301',
  '👨‍👩‍👧',
];

/** Any string, weighted towards the pieces above. */
export function hostileText(maxLength = 60): fc.Arbitrary<string> {
  return fc.string({ unit: fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 1, minLength: 1 })), maxLength });
}

const CITATION: Citation = { docId: 'doc1', title: 'Talks', paragraph: 4, date: '2024-05-17', place: 'Astana', source: 'MFA' };

/** A reply built from hostile text in every place a renderer shows text: headings, bodies, fields, quotes, buttons. */
export function hostileReply(): fc.Arbitrary<Reply> {
  const long = fc.oneof(hostileText(60), hostileText(3000));
  const span = fc.record({ text: long, match: fc.boolean(), emphasis: fc.constantFrom(undefined, 'strong' as const, 'em' as const) });
  const rich = fc.array(span, { maxLength: 4 });
  const block: fc.Arbitrary<Block> = fc.oneof(
    fc.record({ kind: fc.constant('heading' as const), text: long }),
    fc.record({ kind: fc.constant('text' as const), text: rich }),
    fc.record({ kind: fc.constant('note' as const), text: long }),
    fc.record({ kind: fc.constant('list' as const), items: fc.array(rich, { maxLength: 6 }) }),
    fc.record({ kind: fc.constant('fields' as const), fields: fc.array(fc.record({ label: long, value: long }), { maxLength: 30 }) }),
    fc.record({ kind: fc.constant('result' as const), title: long, body: rich, citation: fc.constant(CITATION) }),
    fc.record({ kind: fc.constant('quote' as const), speaker: long, text: rich, citation: fc.constant(CITATION) }),
  );
  const button: fc.Arbitrary<Button> = fc.record({
    id: fc.constantFrom('more' as const, 'shuffle' as const, 'post' as const, 'open' as const, 'share' as const),
    label: hostileText(100),
    action: fc.record({ command: fc.constantFrom('lookup', 'quote', 'readout doc'), args: long }),
  });
  return fc.record({
    visibility: fc.constantFrom('ephemeral' as const, 'public' as const),
    blocks: fc.array(block, { maxLength: 60 }),
    buttons: fc.array(button, { maxLength: 30 }),
    fallback: long,
  });
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every string value inside a JSON-like value. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
