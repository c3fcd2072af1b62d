import type { RichText } from '../reply.js';
import type { Quote } from './quote-types.js';

/**
 * How a quote reads on every surface: direct speech is the statement alone (renderers put it in
 * quotation marks); reported speech keeps its attribution, emphasised and never in quotation marks:
 * "*Ruto said* Kenya and China …" when the cue came first, "China and Kenya should …, *Xi said*." otherwise.
 */
export function statementSpans(quote: Pick<Quote, 'statement' | 'speech' | 'lead' | 'cue'>): RichText {
  if (quote.speech === 'direct') return [{ text: quote.statement }];
  if (quote.cue.position === 'before') return [{ text: quote.lead, emphasis: 'em' }, { text: ` ${quote.statement}` }];
  return [{ text: `${quote.statement.replace(/[\s.!?;:,]+$/, '')}, ` }, { text: quote.lead, emphasis: 'em' }, { text: '.' }];
}
