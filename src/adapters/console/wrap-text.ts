// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour sequences are what we skip when measuring
const ANSI = /\u001b\[[0-9;]*m/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const HAS_ANSI = /\u001b\[/;

/** How many columns a string takes on a terminal (colour codes take none). */
export function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/**
 * Wraps terminal text to `width` columns at word boundaries. A continuation line hangs under the
 * text it continues: under the words after a bullet (`  • `), a citation dash (`— `) or an indent,
 * or `hang` columns in when given (a `label: value` line).
 */
export function wrapText(text: string, width: number, hang?: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, Math.max(20, width), hang))
    .join('\n');
}

function wrapLine(line: string, width: number, hang: number | undefined): string[] {
  if (visibleLength(line) <= width) return [line];
  const plain = line.replace(ANSI, '');
  const lead = /^(\s*)((?:•|—|-|¶\d+)\s+)?/.exec(plain)!;
  const hanging = ' '.repeat(Math.min(hang ?? visibleLength(lead[0]), Math.floor(width / 2)));
  const indent = /^ */.exec(line)![0];
  const out: string[] = [];
  let current = indent;
  let currentLength = indent.length;
  let fresh = true;
  for (const word of line.slice(indent.length).split(' ')) {
    const length = visibleLength(word);
    if (!fresh && currentLength + 1 + length > width) {
      out.push(current);
      current = hanging;
      currentLength = hanging.length;
      fresh = true;
    }
    current += fresh ? word : ` ${word}`;
    currentLength += fresh ? length : 1 + length;
    fresh = false;
    // A word longer than the line (a URL) is cut rather than left to overflow.
    while (currentLength > width && !HAS_ANSI.test(current)) {
      out.push(current.slice(0, width));
      current = hanging + current.slice(width);
      currentLength = visibleLength(current);
    }
  }
  out.push(current);
  return out.map((l) => l.trimEnd());
}
