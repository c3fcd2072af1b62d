import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { LoadWarning } from '../document.js';
import { searchMessages } from './search-messages.js';

/** The optional table of acronyms and their long forms inside a seeds folder. */
export const TERMS_FILE = 'terms.json';

/** Acronyms (folded, "sgr") and the long forms that stand for the same thing, as written ("Standard Gauge Railway"). */
export type AcronymTable = Map<string, string[]>;

const termsSchema = z.record(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}-]{0,15}$/u), z.array(z.string().min(2).max(200)).max(20));

// "the Standard Gauge Railway (SGR)", "Belt and Road Initiative (BRI)": capitalised words, then the acronym in parentheses.
const DEFINED = /((?:\p{Lu}[\p{L}-]*\s+(?:(?:and|of|for|the|on|&)\s+)?){1,8}?\p{Lu}[\p{L}-]*)\s*\((\p{Lu}{2,8})\)/gu;
const JOINING = new Set(['and', 'of', 'for', 'the', 'on', '&']);

/** Whether `acronym` is the initials of the capitalised words of `words` ("Belt and Road Initiative" → BRI). */
function initialsMatch(acronym: string, words: string[]): boolean {
  const initials = words
    .filter((word) => !JOINING.has(word))
    .flatMap((word) => word.split('-').filter(Boolean))
    .map((word) => word[0] ?? '')
    .join('');
  return initials === acronym;
}

/** Learns "Long Form (LF)" definitions from passages: the shortest run of capitalised words before the parentheses whose initials spell the acronym. */
export function learnAcronyms(texts: Iterable<string>, table: AcronymTable = new Map()): AcronymTable {
  for (const text of texts) {
    if (!text.includes('(')) continue;
    for (const match of text.matchAll(DEFINED)) {
      const acronym = match[2]!;
      const words = match[1]!.split(/\s+/);
      // Take the shortest tail of the capitalised run that spells the acronym: "Xi said the Belt and Road Initiative (BRI)".
      for (let from = words.length - 1; from >= 0; from--) {
        const tail = words.slice(from);
        if (JOINING.has(tail[0]!)) continue;
        if (initialsMatch(acronym, tail)) {
          add(table, acronym.toLowerCase(), tail.join(' '));
          break;
        }
      }
    }
  }
  return table;
}

function add(table: AcronymTable, acronym: string, longForm: string): void {
  const list = table.get(acronym) ?? [];
  if (!list.some((known) => known.toLowerCase() === longForm.toLowerCase())) list.push(longForm);
  table.set(acronym, list);
}

/** Reads the optional `terms.json` (`{"SGR": ["Standard Gauge Railway"]}`) into `table`; a missing file is fine, a bad one a warning. */
export function readTermsFile(dir: string, table: AcronymTable = new Map()): { table: AcronymTable; warning: LoadWarning | null } {
  let text: string;
  try {
    text = readFileSync(join(dir, TERMS_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { table, warning: null };
    return { table, warning: { file: TERMS_FILE, reason: searchMessages.termsUnreadable(code ?? String(error)) } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { table, warning: { file: TERMS_FILE, reason: searchMessages.termsInvalid((error as Error).message) } };
  }
  const parsed = termsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      table,
      warning: { file: TERMS_FILE, reason: searchMessages.termsInvalid(`${issue?.path.join('.') || '(root)'}: ${issue?.message}`) },
    };
  }
  for (const [acronym, longForms] of Object.entries(parsed.data))
    for (const longForm of longForms) add(table, acronym.toLowerCase(), longForm);
  return { table, warning: null };
}
