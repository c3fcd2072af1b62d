import type { Document } from '../document.js';
import type { Reply } from '../reply.js';
import { followMessages as messages } from './follow-messages.js';

/** People named at most in the announcement, so a long readout stays one short post. */
const MAX_PEOPLE = 6;
/** Characters of the lead paragraph shown. */
const LEAD_CHARS = 400;

/** The post that tells a following channel about a new readout: its title, citation, the people it names and its lead. */
export function followReply(document: Document, sourceUrl: string | null): Reply {
  const lead = document.paragraphs[0]?.text ?? '';
  const shortLead = lead.length > LEAD_CHARS ? `${lead.slice(0, LEAD_CHARS).replace(/\s+\S*$/, '')} …` : lead;
  const people = document.people.slice(0, MAX_PEOPLE);
  return {
    visibility: 'public',
    blocks: [
      { kind: 'heading', text: messages.heading },
      {
        kind: 'result',
        title: document.title,
        body: [{ text: shortLead }],
        citation: {
          docId: document.id,
          title: document.title,
          date: document.eventDate ?? document.publishedDate,
          place: document.place,
          source: document.source,
        },
      },
      ...(people.length > 0 ? [{ kind: 'note' as const, text: messages.mentions(people) }] : []),
      ...(sourceUrl ? [{ kind: 'note' as const, text: sourceUrl }] : []),
    ],
    buttons: [],
    fallback: messages.fallback(document.title),
  };
}
