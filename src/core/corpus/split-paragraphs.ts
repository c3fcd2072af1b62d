import type { CleanLine } from './clean-lines.js';
import type { TextSpan } from './text-span.js';

/**
 * Groups cleaned lines into paragraphs. A file that separates paragraphs by blank lines keeps a run of lines together
 * (hard-wrapped text); a file without blank lines between its content treats every line as a paragraph.
 */
export function splitParagraphs(lines: readonly CleanLine[]): TextSpan[] {
  const blankSeparated = hasBlankBetweenContent(lines);
  const spans: TextSpan[] = [];
  let open: TextSpan | null = null;
  const close = () => {
    if (open) spans.push(open);
    open = null;
  };
  for (const line of lines) {
    if (line.kind !== 'content') {
      close();
      continue;
    }
    if (!blankSeparated || line.cutStart || line.heading) close();
    if (open) open.end = line.end;
    else open = { start: line.start, end: line.end };
    // Cut chrome or a heading ends its paragraph, so the cut part never ends up inside one.
    if (!blankSeparated || line.cutEnd || line.heading) close();
  }
  close();
  return spans;
}

/** Whether the file separates paragraphs by blank lines (some content line follows a blank one). */
export function hasBlankBetweenContent(lines: readonly CleanLine[]): boolean {
  let seenContent = false;
  let blankAfterContent = false;
  for (const line of lines) {
    if (line.kind === 'content') {
      if (blankAfterContent) return true;
      seenContent = true;
    } else if (line.kind === 'blank' && seenContent) {
      blankAfterContent = true;
    }
  }
  return false;
}
