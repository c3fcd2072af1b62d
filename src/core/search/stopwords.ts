/*
 * English function words that carry no topic: they are not indexed (half of all running words, so
 * this halves the postings) and are ignored in queries, except inside an "exact phrase" where the
 * phrase check reads the passage text itself.
 */
const WORDS = `a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves also said says`;

/** The stopword set, folded like index terms. */
export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((word) => word.length > 0));

/** True when the folded term carries no topic and is not indexed. */
export function isStopword(term: string): boolean {
  return STOPWORDS.has(term);
}
