import Fuse from 'fuse.js';
import type { Gazetteer } from '../document.js';

export type SpeakerMatch = { kind: 'found'; name: string } | { kind: 'unknown'; suggestions: string[] };

export interface SpeakerFinder {
  find(query: string): SpeakerMatch;
}

interface NameEntry {
  text: string;
  key: string;
  person: string;
}

// Loose enough for "tokaev" -> "Tokayev", tight enough that "obama" matches no one.
const FOUND_THRESHOLD = 0.3;
const SUGGEST_THRESHOLD = 0.5;
// A suggestion must be this close to read as a typo: "obama" is 0.4 from "Omamo", which would only puzzle.
const CLOSE_THRESHOLD = 0.34;
const MAX_SUGGESTIONS = 3;

/** Case and accent folding, straight apostrophes, single spaces: "tokáyev" finds "Tokayev". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’ʼ]/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Fuzzy speaker lookup over canonical names, aliases and titles of the people table plus any quoted speaker not in it. */
export function createSpeakerFinder(gazetteer: Gazetteer, quotedSpeakers: readonly string[]): SpeakerFinder {
  const entries: NameEntry[] = [];
  const add = (text: string, person: string) => {
    if (text.trim()) entries.push({ text, key: fold(text), person });
  };
  for (const person of gazetteer.people) {
    add(person.name, person.name);
    for (const alias of person.aliases) add(alias, person.name);
    for (const title of person.titles) add(title, person.name);
  }
  for (const speaker of quotedSpeakers) {
    if (!gazetteer.people.some((person) => person.name === speaker)) add(speaker, speaker);
  }
  const fuse = new Fuse(entries, { keys: ['key'], includeScore: true, threshold: SUGGEST_THRESHOLD });

  return {
    find(query) {
      const key = fold(query);
      const exact = entries.find((entry) => entry.key === key);
      if (exact) return { kind: 'found', name: exact.person };
      const results = key ? fuse.search(key) : [];
      const best = results[0];
      // Two different people tied for best ("president") is no answer: offer both instead.
      const tied = results.filter((result) => result.score === best?.score && result.item.person !== best?.item.person);
      if (best && (best.score ?? 1) <= FOUND_THRESHOLD && tied.length === 0) return { kind: 'found', name: best.item.person };
      const suggestions: string[] = [];
      for (const result of results) {
        if ((result.score ?? 1) > CLOSE_THRESHOLD) break;
        if (!suggestions.includes(result.item.person)) suggestions.push(result.item.person);
        if (suggestions.length === MAX_SUGGESTIONS) break;
      }
      return { kind: 'unknown', suggestions };
    },
  };
}
