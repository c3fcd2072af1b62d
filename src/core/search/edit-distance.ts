// Rolling rows reused across calls: correction runs thousands of comparisons per query word.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), giving up as
 * soon as it must exceed `max`: returns max + 1 then. The cut-off keeps scans over vocabulary shards cheap.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb) <= max ? Math.max(la, lb) : max + 1;
  if (rows[0]!.length <= lb) rows = [new Int32Array(lb * 2), new Int32Array(lb * 2), new Int32Array(lb * 2)];
  // Three rolling rows: the transposition step looks two rows back.
  let prevPrev = rows[0]!;
  let prev = rows[1]!;
  let row = rows[2]!;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    row[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    const caBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let value = prev[j - 1]! + (ca === cb ? 0 : 1);
      const insert = row[j - 1]! + 1;
      if (insert < value) value = insert;
      const remove = prev[j]! + 1;
      if (remove < value) value = remove;
      if (j > 1 && ca === b.charCodeAt(j - 2) && caBefore === cb) {
        const swap = prevPrev[j - 2]! + 1;
        if (swap < value) value = swap;
      }
      row[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const spare = prevPrev;
    prevPrev = prev;
    prev = row;
    row = spare;
  }
  const distance = prev[lb]!;
  return distance <= max ? distance : max + 1;
}
