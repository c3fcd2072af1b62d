/** A one-line progress bar for long indexing on a TTY; never used for JSON or piped output. */
export function createProgressBar(out: NodeJS.WriteStream): {
  update: (stage: string, done: number, total: number) => void;
  done: () => void;
} {
  let last = 0;
  let shown = false;
  return {
    update(stage, done, total) {
      const now = Date.now();
      if (total < 200 || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      out.write(`\r${stage === 'load' ? 'Reading ' : 'Indexing'} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      if (shown) out.write('\r\u001b[K');
    },
  };
}
