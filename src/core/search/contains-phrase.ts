import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

/**
 * True when the text holds the phrase's words consecutively. Stopwords must match exactly; other words
 * may match any term that stands for them (their corrections), so a misspelled phrase still finds itself.
 */
export function containsPhrase(text: string, phrase: readonly string[], termsFor: (word: string) => ReadonlySet<string>): boolean {
  const tokens = tokenize(text);
  const accepts = (word: string, term: string) => (isStopword(word) ? term === word : termsFor(word).has(term));
  for (let start = 0; start + phrase.length <= tokens.length; start++) {
    let at = 0;
    while (at < phrase.length && accepts(phrase[at]!, tokens[start + at]!.term)) at++;
    if (at === phrase.length) return true;
  }
  return false;
}
