import type { Gazetteer } from '../document.js';
import { findMentions } from '../names/find-mentions.js';
import type { CleanLine } from './clean-lines.js';
import { DATELINE } from './date-patterns.js';
import { hasBlankBetweenContent } from './split-paragraphs.js';
import { splitSentences } from './split-sentences.js';

const MAX_HEADLINE = 200;
const TITLE_TARGET = 80;
const TITLE_CLAUSE_MAX = 100;
const WEAK_ENDINGS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'that']);

/** Index of the file's own headline line (a short first line without closing punctuation, or a markdown heading), or -1. */
export function findHeadline(raw: string, lines: readonly CleanLine[]): number {
  const first = lines.findIndex((line) => line.kind === 'content');
  if (first === -1) return -1;
  const line = lines[first]!;
  const hasMore = lines.some((other, i) => i > first && other.kind === 'content');
  if (!hasMore) return -1;
  if (line.heading) return first;
  // In a file of blank-line paragraphs, a headline stands alone; a first line that wraps on is the lead.
  if (hasBlankBetweenContent(lines) && lines[first + 1]?.kind === 'content') return -1;
  const text = raw.slice(line.start, line.end);
  if (text.length > MAX_HEADLINE || text.includes('\n')) return -1;
  if (/[.!?:;,\u3002\uff01\uff1f]["'\u201d\u2019)]*$/u.test(text)) return -1;
  if (!/^["'\u201c\u2018]?[\p{Lu}\p{N}\p{Lo}]/u.test(text)) return -1;
  if (DATELINE.test(text)) return -1;
  return first;
}

/**
 * A short headline made from a lead paragraph: dateline and opening date dropped, first sentence and clause,
 * roles before known names dropped when still long, cut at a word boundary near 80 characters.
 */
export function titleFromLead(lead: string, gazetteer?: Gazetteer): string {
  let text = lead.replace(/\s+/g, ' ').trim();
  text = text.replace(DATELINE, '');
  // "On January 6, 2022 local time, State Councilor ..." reads better without its opening date.
  text = text.replace(/^On\s+(?:the\s+\w+\s+of\s+)?\w+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?:\s+local\s+time)?,?\s+/i, '');
  text = upperFirst(text.trim());
  const first = splitSentences(text)[0];
  if (first) text = text.slice(first.start, first.end).replace(/[.!?\u3002]+$/u, '');
  const clauseEnd = text.indexOf(', ', 40);
  if (clauseEnd !== -1 && clauseEnd <= TITLE_CLAUSE_MAX) text = text.slice(0, clauseEnd);
  if (text.length > TITLE_CLAUSE_MAX && gazetteer) text = upperFirst(dropRoles(text, gazetteer));
  if (text.length <= TITLE_CLAUSE_MAX) return text;
  return `${cutAtWord(text, TITLE_TARGET)}\u2026`;
}

// The capitalised role words just before a name ("State Councilor and Foreign Minister "), possibly joined by connectors.
const ROLE_RUN = /(?:(?:\p{Lu}[\p{L}'\u2019-]*|for|of|and|the)\s+)+$/u;

/** "Foreign Minister Wang Yi and Kenyan Cabinet Secretary for Foreign Affairs Raychelle Awuor Omamo met" -> "Wang Yi and Raychelle Awuor Omamo met". */
function dropRoles(text: string, gazetteer: Gazetteer): string {
  const people = findMentions(text, gazetteer).filter((m) => m.kind === 'person');
  let out = '';
  let from = 0;
  for (const mention of people) {
    const before = text.slice(from, mention.start);
    const run = ROLE_RUN.exec(before);
    let cut = before.length;
    if (run) {
      // Keep the connector that joins this name to what came before ("... Wang Yi and "); drop a leading "the" with the role.
      const lead = /^(?:(?:and|for|of)\s+)*/.exec(run[0])?.[0] ?? '';
      cut = run.index + lead.length;
    }
    // An alias that carries its own role ("Foreign Minister Wang Yi") shortens to the name it ends with.
    const name = mention.matched.endsWith(` ${mention.name}`) ? mention.name : mention.matched;
    out += before.slice(0, cut) + name;
    from = mention.end;
  }
  return (out + text.slice(from)).replace(/\s+/g, ' ').trim();
}

function cutAtWord(text: string, max: number): string {
  const words = text.slice(0, max + 1).split(' ');
  if (words.length > 1) words.pop();
  while (words.length > 1 && WEAK_ENDINGS.has((words[words.length - 1] ?? '').toLowerCase())) words.pop();
  const cut = words.join(' ').replace(/[,;:\s]+$/, '');
  // A single word longer than the limit (or a script without spaces) is cut where the limit falls.
  return cut.length > max ? cut.slice(0, max) : cut;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
