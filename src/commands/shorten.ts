import { echoInput } from '../core/text/echo-input.js';

/** Folds whitespace and cuts text to `max` characters with an ellipsis, for echoing user input in replies. */
export function shorten(text: string, max = 80): string {
  return echoInput(text, max);
}
