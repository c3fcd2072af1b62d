import { shorten } from './shorten.js';

/** The lookup command's own wording, in one place. */
export const lookupMessages = {
  /** Above the results when some query words are in no matching passage. */
  unmatched: (words: readonly string[], speaker: string | undefined) =>
    `No passage mentions ${words.map((word) => `'${shorten(word, 40)}'`).join(', ')}${
      speaker ? ` — showing passages about ${speaker}` : ' — showing passages with the other words'
    }`,
  /** Part of the correction line: what an acronym or long form was searched as too. */
  expanded: (from: string, to: readonly string[]) => `“${from}” also as ${to.map((form) => `“${form}”`).join(' or ')}`,
  /** Above the results of "what did X say about …": whose quotes lead. */
  speakerFirst: (speaker: string) => `passages quoting ${speaker} first`,
  moreInDocumentButton: (count: number, docId: string) => `${count} more in ${docId.slice(0, 12)}`,
} as const;
