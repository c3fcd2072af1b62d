import type { Gazetteer } from '../document.js';

/** A lookup that asks what a quoted person said: "what did Ruto say about debt", "Ruto on debt". */
export interface SpeakerIntent {
  /** Canonical name from the people table. */
  speaker: string;
  /** The query to search: the name as typed and the topic, without "what did … say about". */
  query: string;
}

const PATTERNS = [
  /^\s*what\s+(?:did|does|has|had|have|do)\s+(.+?)\s+(?:say|said|tell|told|think|thought)(?:\s+(?:about|on|of|regarding|concerning)\s+([\s\S]+))?\s*\??\s*$/i,
  /^\s*what\s+(.+?)\s+(?:said|says|thinks|thought)(?:\s+(?:about|on|of|regarding|concerning)\s+([\s\S]+))?\s*\??\s*$/i,
  /^\s*(.+?)\s+(?:on|about|said\s+about|says\s+about)\s+([\s\S]+?)\s*\??\s*$/i,
];

const names = new WeakMap<Gazetteer, Map<string, string>>();

/** Every name, alias and title of a person, lower-cased, to the canonical name; a Map, since user text looks it up. */
function namesOf(gazetteer: Gazetteer): Map<string, string> {
  let map = names.get(gazetteer);
  if (!map) {
    map = new Map();
    for (const person of gazetteer.people) {
      for (const form of [person.name, ...person.aliases, ...person.titles]) {
        const key = form.toLowerCase().replace(/\s+/g, ' ').trim();
        if (key && !map.has(key)) map.set(key, person.name);
      }
    }
    names.set(gazetteer, map);
  }
  return map;
}

/** Reads a "what did X say about Y" / "X on Y" query whose X is a known person; null for any other query. */
export function readSpeakerIntent(query: string, gazetteer: Gazetteer): SpeakerIntent | null {
  const table = namesOf(gazetteer);
  for (const pattern of PATTERNS) {
    const match = pattern.exec(query);
    if (!match) continue;
    const named = match[1]!.replace(/^(?:president|minister|mr\.?|ms\.?)\s+/i, '').trim();
    const speaker = table.get(named.toLowerCase().replace(/\s+/g, ' '));
    if (speaker) return { speaker, query: `${named} ${match[2] ?? ''}`.trim() };
  }
  return null;
}
