import type { Gazetteer } from '../document.js';
import { findMentions } from '../names/find-mentions.js';
import type { Attribution } from './find-attributions.js';

/** Who the speaker words of an attribution name, before pronouns are resolved against the document. */
export type SpeakerReading =
  | { kind: 'person'; name: string }
  | { kind: 'pronoun' }
  /** A capitalised name that is not in the people table, kept as written. */
  | { kind: 'unknown'; name: string }
  | { kind: 'none' };

// Sentence adverbs that may be swept into a capitalised run: "Meanwhile Smith said".
const LEADING_FILLERS = new Set([
  'the',
  'but',
  'and',
  'yet',
  'so',
  'then',
  'meanwhile',
  'however',
  'still',
  'now',
  'today',
  'also',
  'later',
  'thus',
  'only',
  'even',
  'when',
  'if',
]);
const ORGANISATION_END =
  /\b(?:Board|Trustees|Committee|Council|Department|Commission|Association|Agency|Company|Co\.|Inc\.|Corp\.|Party|Club|Union|Jury|Court|Senate|House|Government|Ministry|Office|Bureau|Service|Society|Institute|University|College|School|Bank|Church)$/;
// Capitalised words that open sentences but never name one person.
const NOT_A_PERSON = new Set([
  'it',
  'they',
  'we',
  'i',
  'you',
  'this',
  'that',
  'there',
  'police',
  'officials',
  'authorities',
  'sources',
  'reports',
  'witnesses',
  'observers',
  'critics',
  'experts',
  'analysts',
  'democrats',
  'republicans',
  'spokesmen',
  'troopers',
  'officers',
  'deputies',
  'investigators',
  'doctors',
  'residents',
  'neighbors',
  'teachers',
  'students',
  'leaders',
  'members',
  'lawmakers',
  'scientists',
  'others',
  'some',
  'many',
  'most',
  'both',
  'all',
]);

/** Reads the speaker words of one attribution against the people table; countries, places and joint speakers name no one. */
export function readSpeaker(attribution: Attribution, gazetteer: Gazetteer): SpeakerReading {
  if (attribution.speakerKind === 'pronoun') return { kind: 'pronoun' };
  const mentions = findMentions(attribution.speakerText, gazetteer);
  const people = new Set(mentions.filter((mention) => mention.kind === 'person').map((mention) => mention.name));
  if (people.size === 1) return { kind: 'person', name: [...people][0] ?? '' };
  // "Xi and Ruto said" is a joint statement: no single speaker to credit.
  if (people.size > 1 || mentions.length > 0) return { kind: 'none' };
  if (attribution.speakerKind === 'description') return describedPerson(attribution.speakerText, gazetteer);
  return unknownName(attribution.speakerText);
}

/** "the Kenyan leader": the only person of that country whose titles contain the role word. */
function describedPerson(words: string, gazetteer: Gazetteer): SpeakerReading {
  const lower = words.toLowerCase();
  const country = gazetteer.countries.find((entry) =>
    [entry.name, ...entry.aliases].some((alias) => new RegExp(`\\b${escapeRegExp(alias.toLowerCase())}\\b`).test(lower)),
  );
  if (!country) return { kind: 'none' };
  const role = lower.split(/\s+/).at(-1) ?? '';
  const holders = gazetteer.people.filter(
    (person) => person.country === country.name && person.titles.some((title) => title.toLowerCase().split(/\s+/).includes(role)),
  );
  return holders.length === 1 && holders[0] ? { kind: 'person', name: holders[0].name } : { kind: 'none' };
}

function unknownName(words: string): SpeakerReading {
  // "Emory University's Board of Trustees": a possessive or an organisation word names a body, not a person.
  if (/['’]s\s/.test(words) || ORGANISATION_END.test(words)) return { kind: 'none' };
  const parts = words.split(/\s+/);
  while (parts.length > 0 && LEADING_FILLERS.has((parts[0] ?? '').toLowerCase())) parts.shift();
  if (parts.length === 0) return { kind: 'none' };
  if (parts.length === 1 && NOT_A_PERSON.has((parts[0] ?? '').toLowerCase())) return { kind: 'none' };
  return { kind: 'unknown', name: parts.join(' ') };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
