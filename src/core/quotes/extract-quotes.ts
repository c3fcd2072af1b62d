import type { Document, Gazetteer, Paragraph, Sentence } from '../document.js';
import { findMentions } from '../names/find-mentions.js';
import { continuesStatement, opensContinuation } from './continues-statement.js';
import { type Attribution, findAttributions } from './find-attributions.js';
import { findLeadingName } from './find-leading-name.js';
import type { Quote, QuoteCue } from './quote-types.js';
import { readSpeaker } from './read-speaker.js';
import { readStatement, type Statement } from './read-statement.js';
import { CUT, showQuote } from './show-quote.js';

export interface ExtractOptions {
  /**
   * Credit capitalised names that are not in the people table ("Mr. Smith said") to the name as written.
   * Off by default: the bot's speakers come from the people table, so "China commends ..." never counts.
   */
  keepUnknownSpeakers?: boolean;
}

/** What the document has said so far about who is speaking, for pronouns and continuations. */
interface Discourse {
  /** Speaker of the most recent quote in the document. */
  lastSpeaker: string | null;
  /**
   * The one person named by narration since the last quote: a name, `null` when narration named
   * several people (then a pronoun falls back to the last speaker), `undefined` when none.
   */
  namedSince: string | null | undefined;
  /** The statement in progress, which continuation sentences are credited to. */
  voice: Voice | null;
  /** An attribution ending in a colon ("Rozelle pointed out:"), whose statement is the next sentence. */
  pending: Voice | null;
}

interface Voice {
  speaker: string;
  cue: QuoteCue;
  speech: Statement['speech'];
}

/** An attributed sentence: its voice, and the clause to leave out of its statement. */
interface Attributed extends Voice {
  attribution: Attribution;
  introducesNext: boolean;
}

/** Finds the attributed statements of one document: who said what, where, and which cue said so. */
export function extractQuotes(doc: Document, gazetteer: Gazetteer, options: ExtractOptions = {}): Quote[] {
  const quotes: Quote[] = [];
  const state: Discourse = { lastSpeaker: null, namedSince: undefined, voice: null, pending: null };
  for (const paragraph of doc.paragraphs) {
    // A statement carries into the next paragraph only if it was still going at this paragraph's end.
    const carried = state.voice;
    state.voice = null;
    paragraph.sentences.forEach((sentence, index) => {
      const pending = state.pending;
      state.pending = null;
      const attributed = attribute(sentence.text, gazetteer, state, options);
      if (attributed?.introducesNext) {
        state.lastSpeaker = attributed.speaker;
        state.namedSince = undefined;
        state.voice = null;
        state.pending = { ...voiceOf(attributed), speech: 'direct' };
        return;
      }
      if (attributed) {
        const statement = readStatement(sentence.text, attributed.attribution);
        quotes.push(toQuote(doc, paragraph, sentence, attributed, statement, attributed.attribution));
        state.lastSpeaker = attributed.speaker;
        state.namedSince = undefined;
        state.voice = { ...voiceOf(attributed), speech: statement.speech };
        return;
      }
      const continued =
        (pending ?? state.voice) && continuesStatement(sentence.text, gazetteer)
          ? (pending ?? state.voice)
          : index === 0 && carried && opensContinuation(sentence.text, gazetteer)
            ? carried
            : null;
      if (continued) {
        const own = readStatement(sentence.text, null);
        // A statement in the speaker's own words stays so in the sentences that continue it.
        const statement = continued.speech === 'direct' ? { ...own, speech: 'direct' as const } : own;
        const cue: QuoteCue = { ...continued.cue, position: 'continuation' };
        quotes.push(toQuote(doc, paragraph, sentence, { speaker: continued.speaker, cue }, statement, null));
        state.voice = continued;
        return;
      }
      state.voice = null;
      if (findAttributions(sentence.text).length > 0) {
        // Someone we cannot name is speaking ("The President noted ..."): a following "he" is probably them, not the last speaker.
        state.lastSpeaker = null;
        state.namedSince = undefined;
        return;
      }
      noteNarration(sentence.text, gazetteer, state, options);
    });
  }
  return quotes;
}

function attribute(text: string, gazetteer: Gazetteer, state: Discourse, options: ExtractOptions): Attributed | undefined {
  let best: (Attributed & { rank: number }) | undefined;
  for (const attribution of findAttributions(text)) {
    const found = speakerOf(text, attribution, gazetteer, state, options);
    if (found && (!best || found.rank > best.rank)) {
      best = {
        speaker: found.speaker,
        rank: found.rank,
        cue: cueOf(attribution),
        introducesNext: attribution.introducesNext,
        attribution,
        speech: 'indirect',
      };
    }
  }
  return best;
}

/** What a continuation inherits: the speaker and the cue. */
function voiceOf(attributed: Attributed): Omit<Voice, 'speech'> {
  return { speaker: attributed.speaker, cue: attributed.cue };
}

/** The speaker an attribution names, ranked: a name (known, then unknown) beats a pronoun, which may sit inside the quoted words. */
function speakerOf(
  text: string,
  attribution: Attribution,
  gazetteer: Gazetteer,
  state: Discourse,
  options: ExtractOptions,
): { speaker: string; rank: number } | undefined {
  const reading = readSpeaker(attribution, gazetteer);
  switch (reading.kind) {
    case 'person':
      return { speaker: reading.name, rank: 3 };
    case 'pronoun': {
      // "McConnell indorsed the fees, which, he said, ...": a pronoun inside or after the statement refers to its subject.
      const subject = attribution.position === 'before' || !options.keepUnknownSpeakers ? undefined : findLeadingName(text);
      const referent = subject ?? (typeof state.namedSince === 'string' ? state.namedSince : state.lastSpeaker);
      return referent && agreesInGender(attribution.speakerText, referent) ? { speaker: referent, rank: 1 } : undefined;
    }
    case 'unknown':
      return options.keepUnknownSpeakers ? { speaker: reading.name, rank: 2 } : undefined;
    case 'none':
      return undefined;
  }
}

/** The people table has no gender, but an honorific does: "he" never refers back to "Mrs. Smith". */
function agreesInGender(pronoun: string, referent: string): boolean {
  const female = /(?:^|\s)(?:Mrs\.|Miss|Ms\.|Madame|Mme\.|Lady|Queen)\s/.test(referent);
  const male = /(?:^|\s)(?:Mr\.|Sir|Lord|King)\s/.test(referent);
  return pronoun.toLowerCase() === 'he' ? !female : !male;
}

function cueOf(attribution: Attribution): QuoteCue {
  return { verb: attribution.verb, position: attribution.position, speakerText: attribution.speakerText };
}

/** Narration that names exactly one person makes that person the referent of a following "he". */
function noteNarration(text: string, gazetteer: Gazetteer, state: Discourse, options: ExtractOptions): void {
  const people = new Set(findMentions(text, gazetteer).flatMap((mention) => (mention.kind === 'person' ? [mention.name] : [])));
  if (people.size === 1) state.namedSince = [...people][0];
  else if (people.size > 1) state.namedSince = null;
  else if (options.keepUnknownSpeakers) state.namedSince = findLeadingName(text) ?? state.namedSince;
}

function toQuote(
  doc: Document,
  paragraph: Paragraph,
  sentence: Sentence,
  { speaker, cue }: { speaker: string; cue: QuoteCue },
  statement: Statement,
  attribution: Attribution | null,
): Quote {
  const { shown, namesSpeaker } = showQuote(sentence.text, statement, speaker, attribution);
  return {
    id: sentence.id,
    speaker,
    text: sentence.text,
    statement: statement.pieces.map((piece) => sentence.text.slice(piece.start, piece.end)).join(CUT),
    statementSpans: statement.pieces.map((piece) => ({ start: sentence.start + piece.start, end: sentence.start + piece.end })),
    speech: statement.speech,
    shown,
    namesSpeaker,
    docId: doc.id,
    eventDate: doc.eventDate,
    paragraph: paragraph.index,
    sentence: sentence.index,
    start: sentence.start,
    end: sentence.end,
    cue,
  };
}
