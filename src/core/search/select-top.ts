/**
 * Indices 0..count-1 of the `k` largest keys, best first; ties go to the smaller index so results are
 * stable. A bounded heap keeps this O(count log k) when a common word matches half the corpus.
 */
export function selectTop(count: number, keyOf: (i: number) => number, k: number): number[] {
  if (k <= 0 || count === 0) return [];
  // Min-heap on (key asc, index desc): the root is the weakest of the kept candidates.
  const heap: number[] = [];
  const keys: number[] = [];
  const weaker = (a: number, b: number) => keys[a]! < keys[b]! || (keys[a] === keys[b] && heap[a]! > heap[b]!);
  const swap = (a: number, b: number) => {
    [heap[a], heap[b]] = [heap[b]!, heap[a]!];
    [keys[a], keys[b]] = [keys[b]!, keys[a]!];
  };
  const siftDown = (start: number) => {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && weaker(left, smallest)) smallest = left;
      if (right < heap.length && weaker(right, smallest)) smallest = right;
      if (smallest === i) return;
      swap(i, smallest);
      i = smallest;
    }
  };
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    if (heap.length < k) {
      heap.push(i);
      keys.push(key);
      let child = heap.length - 1;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (!weaker(child, parent)) break;
        swap(child, parent);
        child = parent;
      }
    } else if (key > keys[0]!) {
      heap[0] = i;
      keys[0] = key;
      siftDown(0);
    }
  }
  const order = heap.map((index, at) => ({ index, key: keys[at]! }));
  order.sort((a, b) => b.key - a.key || a.index - b.index);
  return order.map((entry) => entry.index);
}
