/** Each long stage has its own label, so a finished stage never looks like the next one sitting at 100%. */
const LABELS: Record<string, string> = {
  read: 'Reading documents',
  save: 'Saving the cache',
  index: 'Indexing passages',
  quotes: 'Finding quotes',
};
const LABEL_WIDTH = 17;

/** A one-line progress bar for long indexing on a TTY; never used for JSON or piped output. */
export function createProgressBar(out: NodeJS.WriteStream): {
  update: (stage: string, done: number, total: number) => void;
  done: () => void;
} {
  let last = 0;
  let lastStage = '';
  let shown = false;
  return {
    update(stage, done, total) {
      const now = Date.now();
      if (total < 200) return;
      if (done >= total) {
        // A finished stage leaves the line: the next stage (or the answer) follows, never a bar stuck at 100%.
        if (shown) out.write('\r\u001b[K');
        return;
      }
      // A new stage shows at once; within a stage, at most ten frames a second.
      if (stage === lastStage && now - last < 100) return;
      last = now;
      lastStage = stage;
      shown = true;
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      out.write(
        `\r${(LABELS[stage] ?? stage).padEnd(LABEL_WIDTH)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}\u001b[K`,
      );
    },
    done() {
      if (shown) out.write('\r\u001b[K');
    },
  };
}
