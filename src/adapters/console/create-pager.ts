/** Shows long answers a screenful at a time, like `more`: Enter shows the next page, q (or Ctrl-C) stops. */
export interface Pager {
  /** Prints `text`, or its first page when it is taller than the terminal; true when more is waiting. */
  show(text: string): boolean;
  /** Whether a page is waiting for Enter or q. */
  readonly waiting: boolean;
  /** Handles what was typed at the "more" prompt; true when more is still waiting after it. */
  answer(input: string): boolean;
  /** Drops what was left (q, Ctrl-C). */
  stop(): void;
}

/** A pager over `write`; `rows` is the terminal's height, undefined when unknown (then nothing is paged). */
export function createPager(options: { write: (text: string) => void; rows: () => number | undefined }): Pager {
  let rest: string[] = [];
  const page = (lines: string[]): boolean => {
    const rows = options.rows();
    // One row stays free for the "more" prompt.
    const size = rows && rows > 3 ? rows - 1 : undefined;
    if (!size || lines.length <= size) {
      options.write(lines.join('\n'));
      rest = [];
      return false;
    }
    options.write(lines.slice(0, size).join('\n'));
    rest = lines.slice(size);
    return true;
  };
  return {
    show: (text) => page(text.split('\n')),
    get waiting() {
      return rest.length > 0;
    },
    answer(input) {
      if (/^q(uit)?$/i.test(input.trim())) {
        rest = [];
        return false;
      }
      return page(rest);
    },
    stop() {
      rest = [];
    },
  };
}
