import type { Document, Gazetteer, Paragraph } from '../document.js';
import { findMentions } from '../names/find-mentions.js';
import { cleanLines } from './clean-lines.js';
import { corpusMessages } from './corpus-messages.js';
import { extractDates } from './extract-dates.js';
import { extractPlace } from './extract-place.js';
import { extractSource } from './extract-source.js';
import { findHeadline, titleFromLead } from './extract-title.js';
import type { Sidecar } from './sidecar-schema.js';
import { splitParagraphs } from './split-paragraphs.js';
import { splitSentences } from './split-sentences.js';

export interface DocumentSource {
  id: string;
  file: string;
  raw: string;
  gazetteer: Gazetteer;
  sidecar?: Sidecar;
  /** Warnings met before building (a bad sidecar) that belong to this document. */
  warnings?: string[];
}

export type BuiltDocument = { ok: true; document: Document } | { ok: false; reason: string };

const HAS_WORD = /[\p{L}\p{N}]/u;

/** Turns one file's decoded text into a Document: chrome removed, paragraphs and sentences with offsets, metadata from the text and the sidecar. */
export function buildDocument(source: DocumentSource): BuiltDocument {
  const { id, raw, gazetteer } = source;
  const clean = cleanLines(raw);
  const headline = findHeadline(raw, clean.lines);
  const lines = clean.lines.map((line, i) => (i === headline ? { ...line, kind: 'dropped' as const } : line));
  const paragraphs = toParagraphs(id, raw, splitParagraphs(lines));
  if (paragraphs.length === 0) return { ok: false, reason: corpusMessages.noSentences() };

  const lead = paragraphs[0]!.text;
  const headlineLine = headline === -1 ? undefined : clean.lines[headline];
  const title = headlineLine ? raw.slice(headlineLine.start, headlineLine.end).replace(/\s+/g, ' ') : titleFromLead(lead, gazetteer);
  const dates = extractDates(lead, clean.published);
  const people: string[] = [];
  const countries: string[] = [];
  for (const paragraph of paragraphs) {
    for (const mention of findMentions(paragraph.text, gazetteer)) {
      const list = mention.kind === 'person' ? people : mention.kind === 'country' ? countries : null;
      if (list && !list.includes(mention.name)) list.push(mention.name);
    }
  }

  const document: Document = {
    id,
    file: source.file,
    title: title || id,
    eventDate: dates.eventDate,
    publishedDate: dates.publishedDate,
    place: extractPlace(
      paragraphs.slice(0, 2).map((p) => p.text),
      gazetteer,
    ),
    source: extractSource(raw, lead),
    people,
    countries,
    paragraphs,
    raw,
    warnings: [...(source.warnings ?? []), ...dates.warnings],
  };
  applySidecar(document, source.sidecar);
  // One piece of advice, and only while nothing (text or sidecar) gives the event date.
  if (document.eventDate === null) {
    document.warnings.push(
      dates.yearlessDateline ? corpusMessages.datelineWithoutYear(dates.yearlessDateline, id) : corpusMessages.noEventDate(id),
    );
  }
  return { ok: true, document };
}

function toParagraphs(id: string, raw: string, spans: readonly { start: number; end: number }[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const span of spans) {
    const text = raw.slice(span.start, span.end);
    if (!HAS_WORD.test(text)) continue;
    const index = paragraphs.length;
    const pid = `${id}:p${index}`;
    const sentences = splitSentences(text)
      .filter((s) => HAS_WORD.test(text.slice(s.start, s.end)))
      .map((s, j) => ({
        id: `${pid}:s${j}`,
        index: j,
        text: text.slice(s.start, s.end),
        start: span.start + s.start,
        end: span.start + s.end,
      }));
    paragraphs.push({ id: pid, index, text, start: span.start, end: span.end, sentences });
  }
  return paragraphs;
}

function applySidecar(document: Document, sidecar: Sidecar | undefined): void {
  if (!sidecar) return;
  if (sidecar.title !== undefined) document.title = sidecar.title;
  if (sidecar.eventDate !== undefined) document.eventDate = sidecar.eventDate;
  if (sidecar.publishedDate !== undefined) document.publishedDate = sidecar.publishedDate;
  if (sidecar.place !== undefined) document.place = sidecar.place;
  if (sidecar.source !== undefined) document.source = sidecar.source;
  if (sidecar.people !== undefined) document.people = [...sidecar.people];
  if (sidecar.countries !== undefined) document.countries = [...sidecar.countries];
}
