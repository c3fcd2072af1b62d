import { BOILERPLATE_RULES } from './boilerplate-patterns.js';
import { trimSpan } from './text-span.js';

/** One line of the raw text after boilerplate removal; offsets into the raw text. */
export interface CleanLine {
  /** `blank` lines were empty in the file; `dropped` lines held only boilerplate. */
  kind: 'content' | 'blank' | 'dropped';
  start: number;
  end: number;
  /** Whether something was cut from the start (or end) of the line: such a line starts (or ends) its paragraph. */
  cutStart: boolean;
  cutEnd: boolean;
  /** Whether the line was a markdown heading. */
  heading: boolean;
}

export interface CleanText {
  lines: CleanLine[];
  /** Publication dates the chrome gave (`YYYY-MM-DD`, not yet validated), in file order. */
  published: string[];
}

/** Splits raw text into lines and strips site chrome from each, keeping offsets into the raw text. */
export function cleanLines(raw: string): CleanText {
  const lines: CleanLine[] = [];
  const published: string[] = [];
  let lineStart = 0;
  while (lineStart <= raw.length) {
    let lineEnd = raw.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = raw.length;
    lines.push(cleanLine(raw, lineStart, lineEnd, published));
    lineStart = lineEnd + 1;
  }
  return { lines, published };
}

function cleanLine(raw: string, lineStart: number, lineEnd: number, published: string[]): CleanLine {
  let { start, end } = trimSpan(raw, lineStart, lineEnd);
  if (start === end) return { kind: 'blank', start, end, cutStart: false, cutEnd: false, heading: false };
  let cutStart = false;
  let cutEnd = false;
  let heading = false;
  // Rules can stack ("date 2025-04-24 0 SHARES Share Tweet"), so apply them until nothing changes.
  for (let changed = true; changed && start < end; ) {
    changed = false;
    const text = raw.slice(start, end);
    for (const rule of BOILERPLATE_RULES) {
      const match = rule.pattern.exec(text);
      if (!match) continue;
      if (rule.published && match[1]) published.push(match[1]);
      if (rule.kind === 'line') {
        return { kind: 'dropped', start, end: start, cutStart: true, cutEnd: true, heading: false };
      }
      const span =
        rule.kind === 'prefix' ? trimSpan(raw, start + match.index + match[0].length, end) : trimSpan(raw, start, start + match.index);
      if (rule.kind === 'prefix') cutStart = true;
      else cutEnd = true;
      if (rule.name === 'markdown heading') heading = true;
      start = span.start;
      end = span.end;
      changed = true;
      break;
    }
  }
  if (start === end) return { kind: 'dropped', start, end, cutStart: true, cutEnd: true, heading: false };
  return { kind: 'content', start, end, cutStart, cutEnd, heading };
}
