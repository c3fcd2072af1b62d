import { timelineMessages } from './timeline-messages.js';
import type { Timeline } from './timeline-types.js';

/** The picture's size in SVG units (and PNG pixels, at scale 1). */
export const TIMELINE_WIDTH = 880;
export const TIMELINE_HEIGHT = 360;
export const BAR_COLOR = '#2f6690';
const PLOT = { left: 56, right: 20, top: 56, bottom: 64 };
const FONT = 'DejaVu Sans, Arial, sans-serif';

/**
 * The timeline as an SVG bar chart: one bar per period, its height the passages that match, the count
 * above it. Every text is XML-escaped (the query is user text). Bars carry their period and counts as
 * data attributes, so the picture can be checked against the numbers.
 */
export function drawTimelineSvg(timeline: Timeline): string {
  const width = TIMELINE_WIDTH;
  const height = TIMELINE_HEIGHT;
  const plotWidth = width - PLOT.left - PLOT.right;
  const plotHeight = height - PLOT.top - PLOT.bottom;
  const baseline = PLOT.top + plotHeight;
  const count = Math.max(1, timeline.periods.length);
  const slot = plotWidth / count;
  const barWidth = Math.max(1, slot * 0.8);
  const max = Math.max(1, ...timeline.periods.map((period) => period.passages));
  const labelEvery = Math.ceil(count / 16);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xml(describeTimeline(timeline))}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PLOT.left}" y="28" font-family="${FONT}" font-size="18" font-weight="bold" fill="#1b1b1b">${xml(timelineMessages.title(timeline.query, timeline.by))}</text>`,
    `<text x="${PLOT.left}" y="46" font-family="${FONT}" font-size="12" fill="#555555">${xml(timelineMessages.summary(timeline))}</text>`,
    `<text x="${PLOT.left - 8}" y="${PLOT.top + 4}" font-family="${FONT}" font-size="11" fill="#555555" text-anchor="end">${max}</text>`,
    `<text x="${PLOT.left - 8}" y="${baseline}" font-family="${FONT}" font-size="11" fill="#555555" text-anchor="end">0</text>`,
    `<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${width - PLOT.right}" y2="${PLOT.top}" stroke="#e3e3e3" stroke-width="1"/>`,
  ];
  timeline.periods.forEach((period, index) => {
    const x = round(PLOT.left + index * slot + (slot - barWidth) / 2);
    const barHeight = round((period.passages / max) * plotHeight);
    const center = round(x + barWidth / 2);
    parts.push(
      `<rect class="bar" x="${x}" y="${round(baseline - barHeight)}" width="${round(barWidth)}" height="${barHeight}" fill="${BAR_COLOR}" data-period="${xml(period.period)}" data-passages="${period.passages}" data-documents="${period.documents}"><title>${xml(timelineMessages.periodCount(period.period, period.passages, period.documents))}</title></rect>`,
    );
    if (period.passages > 0 && count <= 40) {
      parts.push(
        `<text x="${center}" y="${round(baseline - barHeight - 4)}" font-family="${FONT}" font-size="11" fill="#1b1b1b" text-anchor="middle">${period.passages}</text>`,
      );
    }
    if (index % labelEvery === 0) {
      parts.push(
        `<text x="${center}" y="${baseline + 18}" font-family="${FONT}" font-size="11" fill="#333333" text-anchor="middle">${xml(period.period)}</text>`,
      );
    }
  });
  parts.push(`<line x1="${PLOT.left}" y1="${baseline}" x2="${width - PLOT.right}" y2="${baseline}" stroke="#333333" stroke-width="1"/>`);
  parts.push('</svg>');
  return parts.join('\n');
}

/** The counts in words: the picture's alt text, and what a screen reader says for it. */
export function describeTimeline(timeline: Timeline): string {
  const periods = timeline.periods.map((period) => timelineMessages.periodCount(period.period, period.passages, period.documents));
  return `${timelineMessages.title(timeline.query, timeline.by)}. ${timelineMessages.summary(timeline)}. ${periods.join('; ')}.`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
