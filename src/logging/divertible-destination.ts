import { Writable } from 'node:stream';

/** A log destination that writes to `fallback` until a console session takes the lines over. */
export interface DivertibleDestination {
  stream: NodeJS.WritableStream;
  /** Sends every further line to `print` (the console's, which redraws the prompt below it); undefined restores the fallback. */
  divert(print: ((text: string) => void) | undefined): void;
}

/** Log lines never overwrite what the user is typing: the console prints them above its prompt instead. */
export function createDivertibleDestination(fallback: NodeJS.WritableStream): DivertibleDestination {
  let print: ((text: string) => void) | undefined;
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (print) print(chunk.toString());
      else fallback.write(chunk);
      done();
    },
  });
  return {
    stream,
    divert(next) {
      print = next;
    },
  };
}
