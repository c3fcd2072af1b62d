import type { Gazetteer } from '../document.js';

/** A known person, country or place found in a text, with its canonical name and where it stands. */
export interface Mention {
  kind: 'person' | 'country' | 'place';
  /** Canonical name from the people table. */
  name: string;
  /** [start, end) character offsets into the searched text. */
  start: number;
  end: number;
  /** The text as it appears, e.g. `President Xi` or `Xi’an`. */
  matched: string;
}

interface Surface {
  kind: Mention['kind'];
  name: string;
  /** Titles ("Kenyan President") stand for the person only when no other name follows them. */
  isTitle: boolean;
}

/** A matcher compiled once per gazetteer, since it runs on every paragraph. */
export type MentionFinder = (text: string) => Mention[];

const APOSTROPHES = /['\u2019\u02bc]/g;
const WORD_CHAR = '[\\p{L}\\p{N}_]';
// After a name, an apostrophe may only start a possessive ("Xi’s"), never another word ("Xi’an").
const AFTER = `(?!${WORD_CHAR})(?!['\u2019\u02bc](?!s(?!${WORD_CHAR}))${WORD_CHAR})`;
const BEFORE = `(?<!${WORD_CHAR})`;

const compiled = new WeakMap<Gazetteer, MentionFinder>();

/** Finds every known name in `text`: longest match wins, whole words only, case-sensitive, curly and straight apostrophes alike. */
export function findMentions(text: string, gazetteer: Gazetteer): Mention[] {
  let finder = compiled.get(gazetteer);
  if (!finder) {
    finder = compileMentionFinder(gazetteer);
    compiled.set(gazetteer, finder);
  }
  return finder(text);
}

/** Builds the matcher for a gazetteer; `findMentions` caches it per gazetteer object. */
export function compileMentionFinder(gazetteer: Gazetteer): MentionFinder {
  const surfaces = new Map<string, Surface>();
  const add = (form: string, surface: Surface) => {
    const key = normalise(form);
    // First entry wins, so a person's alias is never taken over by a later place or country.
    if (key && !surfaces.has(key)) surfaces.set(key, surface);
  };
  for (const person of gazetteer.people) {
    add(person.name, { kind: 'person', name: person.name, isTitle: false });
    for (const alias of person.aliases) add(alias, { kind: 'person', name: person.name, isTitle: false });
  }
  for (const country of gazetteer.countries) {
    add(country.name, { kind: 'country', name: country.name, isTitle: false });
    for (const alias of country.aliases) add(alias, { kind: 'country', name: country.name, isTitle: false });
  }
  for (const place of gazetteer.places) {
    add(place.name, { kind: 'place', name: place.name, isTitle: false });
    for (const alias of place.aliases) add(alias, { kind: 'place', name: place.name, isTitle: false });
  }
  // Titles come last: an exact alias of the same words is the better reading.
  for (const person of gazetteer.people) {
    for (const title of person.titles) {
      for (const form of titleVariants(title)) add(form, { kind: 'person', name: person.name, isTitle: true });
    }
  }
  if (surfaces.size === 0) return () => [];

  // Longest first: a regex alternation takes the first alternative that fits, so this makes the longest match win.
  const forms = [...surfaces.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(`${BEFORE}(?:${forms.map(toPattern).join('|')})${AFTER}`, 'gu');

  return (text: string) => {
    const raw: (Mention & { isTitle: boolean })[] = [];
    for (const match of text.matchAll(pattern)) {
      const surface = surfaces.get(normalise(match[0]));
      if (!surface) continue;
      const start = match.index;
      raw.push({
        kind: surface.kind,
        name: surface.name,
        start,
        end: start + match[0].length,
        matched: match[0],
        isTitle: surface.isTitle,
      });
    }
    return resolveTitles(text, raw);
  };
}

/** A title followed by the same person's name merges with it; followed by some other capitalised name it is someone we do not know. */
function resolveTitles(text: string, raw: (Mention & { isTitle: boolean })[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < raw.length; i++) {
    const current = raw[i]!;
    const { isTitle, ...mention } = current;
    if (!isTitle) {
      out.push(mention);
      continue;
    }
    const gap = /^\s+/.exec(text.slice(current.end, current.end + 8));
    const next = raw[i + 1];
    if (gap && next && next.start === current.end + gap[0].length && next.kind === 'person') {
      if (next.name === current.name) {
        out.push({ ...mention, end: next.end, matched: text.slice(current.start, next.end) });
        i++;
      }
      // A title before a different known person is that person's role, not a mention of its usual holder.
      continue;
    }
    if (gap && /^\p{Lu}/u.test(text.slice(current.end + gap[0].length, current.end + gap[0].length + 1))) continue;
    out.push(mention);
  }
  return out;
}

/** "the Chinese president" also reads "The Chinese president"; "Chinese President" also reads "Chinese president". */
function titleVariants(title: string): string[] {
  const words = title.trim().split(/\s+/);
  const lowerTail = [words[0] ?? '', ...words.slice(1).map((w) => w.toLowerCase())].join(' ');
  const variants = [title, lowerTail];
  return [...variants, ...variants.map(upperFirst)];
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function normalise(form: string): string {
  return form.trim().replace(APOSTROPHES, "'").replace(/\s+/g, ' ');
}

function toPattern(form: string): string {
  return form
    .split(' ')
    .map((word) =>
      word
        .split("'")
        .map((piece) => piece.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join("['\u2019\u02bc]"),
    )
    .join('\\s+');
}
