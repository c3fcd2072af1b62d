import { DATELINE } from './date-patterns.js';
import { SOURCE_PATTERNS } from './source-patterns.js';

/** The news source the text names: a known agency anywhere in the capture, else the dateline's parenthesis ("(AP)"), else null. */
export function extractSource(raw: string, lead: string | undefined): string | null {
  for (const source of SOURCE_PATTERNS) {
    if (source.pattern.test(raw)) return source.name;
  }
  const fromDateline = lead === undefined ? undefined : DATELINE.exec(lead)?.[5]?.trim();
  return fromDateline || null;
}
