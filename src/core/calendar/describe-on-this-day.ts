import type { NearbyItem, OnThisDay, OnThisDayItem } from './on-this-day-types.js';

export interface OnThisDayJsonItem {
  docId: string;
  title: string;
  eventDate: string;
  yearsAgo: number;
  dateField: 'eventDate' | 'publishedDate';
  leapDay?: true;
}

export interface OnThisDayJsonNearby extends OnThisDayJsonItem {
  anniversary: string;
  daysAway: number;
}

/** The public JSON shape of `readout onthisday --json`. */
export interface OnThisDayJson {
  date: string;
  timezone: string;
  items: OnThisDayJsonItem[];
  nearby: OnThisDayJsonNearby[];
  /** When nothing is on the day or near it: the closest dates with readouts. */
  nearest?: OnThisDay['nearest'];
}

function jsonItem(item: OnThisDayItem): OnThisDayJsonItem {
  return {
    docId: item.docId,
    title: item.title,
    eventDate: item.eventDate,
    yearsAgo: item.yearsAgo,
    dateField: item.dateField,
    ...(item.leapDay ? { leapDay: true as const } : {}),
  };
}

function jsonNearby(item: NearbyItem): OnThisDayJsonNearby {
  return { ...jsonItem(item), anniversary: item.anniversary, daysAway: item.daysAway };
}

/** The stable JSON description of an "on this day" result, for `--json` output and scripts. */
export function describeOnThisDay(result: OnThisDay, timezone: string): OnThisDayJson {
  return {
    date: result.date,
    timezone,
    items: result.items.map(jsonItem),
    nearby: result.nearby.map(jsonNearby),
    ...(result.nearest ? { nearest: result.nearest } : {}),
  };
}
