import type { Gazetteer } from '../document.js';
import { findMentions } from '../names/find-mentions.js';
import { DATELINE } from './date-patterns.js';

/** The place of the report: a dateline city ("ASTANA, June 16" -> Astana), else the first known place the lead puts something "in". */
export function extractPlace(leads: readonly string[], gazetteer: Gazetteer): string | null {
  const dateline = leads[0] === undefined ? null : DATELINE.exec(leads[0]);
  if (dateline?.[1]) return canonicalPlace(dateline[1], gazetteer);
  for (const lead of leads) {
    for (const mention of findMentions(lead, gazetteer)) {
      if (
        mention.kind === 'place' &&
        /\b(?:in|at)\s+(?:the\s+city\s+of\s+)?$/i.test(lead.slice(Math.max(0, mention.start - 24), mention.start))
      ) {
        return mention.name;
      }
    }
  }
  return null;
}

function canonicalPlace(written: string, gazetteer: Gazetteer): string {
  const key = fold(written);
  for (const place of gazetteer.places) {
    if (fold(place.name) === key || place.aliases.some((alias) => fold(alias) === key)) return place.name;
  }
  // Unknown dateline cities are shown the way a headline would write them: "NEW YORK" -> "New York".
  return written.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/['\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ');
}
