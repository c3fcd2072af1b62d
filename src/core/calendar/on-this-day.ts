import type { Corpus, Document } from '../document.js';
import type { NearbyItem, NearestDay, OnThisDay, OnThisDayItem, OnThisDayLead, OnThisDayOptions } from './on-this-day-types.js';
import { isLeapYear, parseIsoDate } from './parse-iso-date.js';

const DAY_MS = 86_400_000;
export const DEFAULT_NEARBY_WINDOW = 7;

interface DatedDocument {
  doc: Document;
  date: string;
  field: 'eventDate' | 'publishedDate';
  year: number;
  month: number;
  day: number;
}

/** The date a document is remembered by: its event date, else its published date; null when neither is a real date. */
function datedDocument(doc: Document): DatedDocument | undefined {
  const field = doc.eventDate ? 'eventDate' : doc.publishedDate ? 'publishedDate' : undefined;
  const value = field ? doc[field] : null;
  if (!field || !value) return undefined;
  const parsed = parseIsoDate(value);
  if (!parsed.ok) return undefined;
  return { doc, date: parsed.date, field, year: parsed.year, month: parsed.month, day: parsed.day };
}

// Short captions and datelines ("BEIJING, April 24 (Xinhua) —" is fine, "0 SHARES" is not) make poor leads.
const MIN_LEAD_LENGTH = 40;

function leadOf(doc: Document, strongestQuote: OnThisDayOptions['strongestQuote']): OnThisDayLead | null {
  const quote = strongestQuote?.(doc.id);
  if (quote) {
    return {
      kind: 'quote',
      text: quote.shown,
      speaker: quote.speaker,
      paragraph: quote.paragraph,
      speech: quote.speech,
      namesSpeaker: quote.namesSpeaker,
    };
  }
  const sentences = doc.paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => ({ paragraph, sentence })));
  const chosen = sentences.find(({ sentence }) => sentence.text.trim().length >= MIN_LEAD_LENGTH) ?? sentences[0];
  if (chosen) return { kind: 'lead', text: chosen.sentence.text.trim(), speaker: null, paragraph: chosen.paragraph.index };
  const paragraph = doc.paragraphs.find((p) => p.text.trim() !== '');
  return paragraph ? { kind: 'lead', text: paragraph.text.trim(), speaker: null, paragraph: paragraph.index } : null;
}

function itemOf(dated: DatedDocument, yearsAgo: number, options: OnThisDayOptions): OnThisDayItem {
  return {
    docId: dated.doc.id,
    title: dated.doc.title,
    eventDate: dated.date,
    dateField: dated.field,
    yearsAgo,
    place: dated.doc.place,
    source: dated.doc.source,
    lead: leadOf(dated.doc, options.strongestQuote),
  };
}

function utcDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The closest anniversary of a document to the asked date within the window, looking in the asked
 * year and the years either side (so 30 December is near 2 January). Only anniversaries in a later
 * year than the document count: a document is never its own anniversary.
 */
function closestAnniversary(
  dated: DatedDocument,
  target: { year: number; ms: number },
  window: number,
): { anniversary: string; daysAway: number; year: number } | undefined {
  let best: { anniversary: string; daysAway: number; year: number } | undefined;
  for (const year of [target.year - 1, target.year, target.year + 1]) {
    if (year <= dated.year) continue;
    // 29 February in a non-leap year is remembered on 28 February, as the digest does.
    const leapless = dated.month === 2 && dated.day === 29 && !isLeapYear(year);
    const ms = utcDay(year, dated.month, leapless ? 28 : dated.day);
    const daysAway = Math.round((ms - target.ms) / DAY_MS);
    if (Math.abs(daysAway) > window) continue;
    if (
      !best ||
      Math.abs(daysAway) < Math.abs(best.daysAway) ||
      (Math.abs(daysAway) === Math.abs(best.daysAway) && daysAway < best.daysAway)
    ) {
      best = { anniversary: isoOf(ms), daysAway, year };
    }
  }
  return best;
}

function newestFirst(a: OnThisDayItem, b: OnThisDayItem): number {
  return a.yearsAgo - b.yearsAgo || a.docId.localeCompare(b.docId);
}

/**
 * What happened on this month and day in the asked year (yearsAgo 0) and earlier years. Matches the
 * event date, else the published date (and says which). Documents from later years are left out.
 * 29 February matches only 29 February, unless `includeLeapDay` adds it to 28 February of a non-leap
 * year. Nearby anniversaries (within `window` days) are offered only when nothing matches exactly.
 */
export function onThisDay(corpus: Corpus, options: OnThisDayOptions): OnThisDay {
  const window = Math.max(0, Math.floor(options.window ?? DEFAULT_NEARBY_WINDOW));
  const asked = parseIsoDate(options.date);
  if (!asked.ok) throw new RangeError(asked.problem.message);
  const addLeapDay = options.includeLeapDay === true && asked.month === 2 && asked.day === 28 && !isLeapYear(asked.year);

  const dated = corpus.documents.map(datedDocument).filter((d): d is DatedDocument => d !== undefined);
  const items: OnThisDayItem[] = [];
  for (const d of dated) {
    // The asked year counts too: a readout of that very day is what "on this day" should show first.
    if (d.year > asked.year) continue;
    if (d.month === asked.month && d.day === asked.day) items.push(itemOf(d, asked.year - d.year, options));
    else if (addLeapDay && d.month === 2 && d.day === 29) items.push({ ...itemOf(d, asked.year - d.year, options), leapDay: true });
  }
  // Exact matches first; added 29 February items after them, under their own note.
  items.sort((a, b) => Number(a.leapDay ?? false) - Number(b.leapDay ?? false) || newestFirst(a, b));
  if (items.length > 0 || window === 0) return { date: asked.date, window, items, nearby: [] };

  const target = { year: asked.year, ms: utcDay(asked.year, asked.month, asked.day) };
  const nearby: NearbyItem[] = [];
  for (const d of dated) {
    const found = closestAnniversary(d, target, window);
    if (!found) continue;
    nearby.push({ ...itemOf(d, found.year - d.year, options), nearby: true, anniversary: found.anniversary, daysAway: found.daysAway });
  }
  nearby.sort((a, b) => Math.abs(a.daysAway) - Math.abs(b.daysAway) || a.daysAway - b.daysAway || newestFirst(a, b));
  if (nearby.length > 0) return { date: asked.date, window, items, nearby };
  return { date: asked.date, window, items, nearby, nearest: nearestDays(dated, target) };
}

/** The closest anniversary dates before and after the target, over every year's readouts (at most a year away). */
function nearestDays(
  dated: readonly DatedDocument[],
  target: { year: number; ms: number },
): { before: NearestDay | null; after: NearestDay | null } {
  let before: NearestDay | null = null;
  let after: NearestDay | null = null;
  for (const d of dated) {
    for (const year of [target.year - 1, target.year, target.year + 1]) {
      if (year <= d.year) continue;
      const leapless = d.month === 2 && d.day === 29 && !isLeapYear(year);
      const ms = utcDay(year, d.month, leapless ? 28 : d.day);
      const days = Math.round((ms - target.ms) / DAY_MS);
      if (days < 0 && (!before || days > before.days)) before = { date: isoOf(ms), days };
      if (days > 0 && (!after || days < after.days)) after = { date: isoOf(ms), days };
    }
  }
  return { before, after };
}
