/** Folds whitespace and cuts text to `max` characters with an ellipsis, for echoing user input in replies. */
export function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
