export { createQuoteBook, type LazyQuoteBook, type QuoteBookOptions } from './create-quote-book.js';
export { type ExtractOptions, extractQuotes } from './extract-quotes.js';
export { type Attribution, findAttributions } from './find-attributions.js';
export { groupQuotes, type QuoteGroups } from './group-quotes.js';
export { MAX_SPEAKER_LENGTH, MAX_TOPIC_LENGTH, quoteMessages } from './quote-messages.js';
export type { Quote, QuoteBook, QuoteCue, SpeakerCount, SpeakerQuotes } from './quote-types.js';
export { readStatement, type Statement, type TextRange } from './read-statement.js';
export { REPORTING_VERBS, type ReportingVerb, SPEECH_CONTENT_NOUNS, type VerbStrength } from './reporting-verbs.js';
export { CUT, type ShownQuote, showQuote } from './show-quote.js';
