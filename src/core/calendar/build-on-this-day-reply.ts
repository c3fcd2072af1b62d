import { type Block, type Field, type Reply, type RichText, showsSpeakerLabel } from '../reply.js';
import { calendarMessages, formatDayMonth, formatLongDate } from './calendar-messages.js';
import type { NearbyItem, OnThisDay, OnThisDayItem } from './on-this-day-types.js';

function bodyOf(item: OnThisDayItem): RichText {
  if (!item.lead) return [{ text: '' }];
  if (item.lead.kind === 'quote' && item.lead.speaker) {
    const said = [{ text: item.lead.text }];
    // Reported speech is shown as the source reports it, never in quotation marks; the speaker is named once.
    const body = item.lead.speech === 'indirect' ? said : [{ text: '“' }, ...said, { text: '”' }];
    return showsSpeakerLabel(item.lead) ? [{ text: `${item.lead.speaker}: `, emphasis: 'strong' }, ...body] : body;
  }
  return [{ text: item.lead.text }];
}

function fieldsOf(item: OnThisDayItem | NearbyItem): Field[] {
  const when = `${formatLongDate(item.eventDate)} · ${calendarMessages.yearsAgo(item.yearsAgo)}`;
  const fields: Field[] = [
    { label: 'When', value: item.dateField === 'eventDate' ? when : `${when} (${calendarMessages.dateFieldNote(item.dateField)})` },
  ];
  if (item.place) fields.push({ label: 'Where', value: item.place });
  if ('nearby' in item) {
    fields.push({ label: 'Nearby', value: `${calendarMessages.daysAway(item.daysAway)} (${formatDayMonth(item.anniversary)})` });
  }
  if (item.leapDay) fields.push({ label: 'Leap day', value: calendarMessages.leapDayMarker });
  return fields;
}

/** One item as a result block with its citation (document, paragraph of the quote or lead, date, place). */
export function onThisDayItemBlock(item: OnThisDayItem | NearbyItem): Block {
  return {
    kind: 'result',
    title: item.title,
    body: bodyOf(item),
    citation: {
      docId: item.docId,
      title: item.title,
      ...(item.lead ? { paragraph: item.lead.paragraph } : {}),
      date: item.eventDate,
      place: item.place,
      source: item.source,
    },
    fields: fieldsOf(item),
  };
}

/** The blocks under the heading: exact items (leap-day ones introduced), or the marked nearby ones, or a plain "nothing" line. */
export function onThisDayBlocks(result: OnThisDay): Block[] {
  const blocks: Block[] = [];
  const exact = result.items.filter((item) => !item.leapDay);
  const leap = result.items.filter((item) => item.leapDay);
  const sameYear = exact.filter((item) => item.yearsAgo === 0);
  const earlier = exact.filter((item) => item.yearsAgo > 0);
  // The asked date itself is labelled, so it is never mistaken for an anniversary.
  if (sameYear.length > 0) {
    blocks.push({ kind: 'note', text: calendarMessages.sameYearIntro(result.date) }, ...sameYear.map(onThisDayItemBlock));
    if (earlier.length > 0) blocks.push({ kind: 'note', text: calendarMessages.earlierYearsIntro });
  }
  blocks.push(...earlier.map(onThisDayItemBlock));
  if (leap.length > 0) {
    blocks.push({ kind: 'note', text: calendarMessages.leapDayIntro(Number(result.date.slice(0, 4))) });
    blocks.push(...leap.map(onThisDayItemBlock));
  }
  if (result.items.length > 0) return blocks;
  blocks.push({ kind: 'note', text: calendarMessages.nothingOnThisDay(result.date) });
  if (result.nearby.length > 0) {
    blocks.push({ kind: 'note', text: calendarMessages.nearbyIntro(result.window) });
    blocks.push(...result.nearby.map(onThisDayItemBlock));
  } else if (result.window > 0) {
    blocks.push({ kind: 'note', text: calendarMessages.nothingNearby(result.window) });
  }
  // An empty day is never a dead end: name the closest dates that have readouts.
  if (result.nearest) blocks.push({ kind: 'note', text: calendarMessages.nearestDays(result.nearest.before, result.nearest.after) });
  return blocks;
}

/** A one-line summary for notifications: heading plus counts. */
export function onThisDayFallback(result: OnThisDay): string {
  const heading = calendarMessages.heading(result.date);
  if (result.items.length > 0) return `${heading}: ${result.items.map((item) => item.title).join('; ')}`;
  if (result.nearby.length > 0) return `${heading}: nothing on the day; ${result.nearby.length} nearby`;
  return `${heading}: ${calendarMessages.nothingOnThisDay(result.date)}`;
}

/** The reply of the `onthisday` command: heading with the date, items or nearby ones or a plain "nothing" note. */
export function buildOnThisDayReply(result: OnThisDay, options: { visibility?: Reply['visibility'] } = {}): Reply {
  return {
    visibility: options.visibility ?? 'ephemeral',
    blocks: [{ kind: 'heading', text: calendarMessages.heading(result.date) }, ...onThisDayBlocks(result)],
    // The nearest days with readouts, one action each, so an empty day leads somewhere.
    buttons: [result.nearest?.before, result.nearest?.after].flatMap((day) =>
      day
        ? [{ id: 'open' as const, label: calendarMessages.nearestDayButton(day.date), action: { command: 'onthisday', args: day.date } }]
        : [],
    ),
    fallback: onThisDayFallback(result),
    // Nothing on the day and nothing near it is "nothing found", as for every command (exit code 1 in the shell).
    ...(result.items.length === 0 && result.nearby.length === 0 ? { isError: true } : {}),
  };
}
