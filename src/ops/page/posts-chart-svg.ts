import type { DigestSection } from './collect-digest.js';
import { html, type SafeHtml } from './html.js';

const WIDTH = 960;
const HEIGHT = 200;
const PAD = { left: 40, right: 10, top: 12, bottom: 24 };

/**
 * Posts per minute over the last 24 hours as an inline SVG: one bar per minute that had posts, and the
 * pacing budget as a dashed line. Presentation attributes only, so the page's CSP needs no inline styles.
 */
export function postsChartSvg(chart: DigestSection['postsPerMinute']): SafeHtml {
  const from = Date.parse(chart.from);
  const span = Math.max(1, Date.parse(chart.to) - from);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const baseline = PAD.top + plotHeight;
  const top = Math.max(1, ...chart.minutes.map((m) => m.posts), chart.budgetPerMinute ?? 0) * 1.1;
  const y = (value: number) => round(baseline - (value / top) * plotHeight);
  const barWidth = Math.max(1, round(plotWidth / (span / 60_000)));
  const bars = chart.minutes.map((m) => {
    const x = round(PAD.left + ((Date.parse(m.minute) - from) / span) * plotWidth);
    return html`<rect class="bar" x="${x}" y="${y(m.posts)}" width="${barWidth}" height="${round(baseline - y(m.posts))}" fill="#2f6690" data-minute="${m.minute}" data-posts="${m.posts}"><title>${m.minute.slice(11, 16)} UTC: ${m.posts} posts</title></rect>`;
  });
  const budget =
    chart.budgetPerMinute === null
      ? html``
      : html`<line class="budget" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(chart.budgetPerMinute)}" y2="${y(chart.budgetPerMinute)}" stroke="#c0392b" stroke-dasharray="6 4" stroke-width="1.5"/><text x="${WIDTH - PAD.right}" y="${y(chart.budgetPerMinute) - 4}" text-anchor="end" font-size="11" fill="#c0392b">budget ${chart.budgetPerMinute}/min</text>`;
  return html`<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Posts per minute over the last 24 hours">
<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${baseline}" y2="${baseline}" stroke="#555"/>
<text x="${PAD.left - 6}" y="${PAD.top + 8}" text-anchor="end" font-size="11" fill="#555">${Math.round(top)}</text>
<text x="${PAD.left - 6}" y="${baseline}" text-anchor="end" font-size="11" fill="#555">0</text>
<text x="${PAD.left}" y="${HEIGHT - 6}" font-size="11" fill="#555">${chart.from.slice(0, 16).replace('T', ' ')} UTC</text>
<text x="${WIDTH - PAD.right}" y="${HEIGHT - 6}" text-anchor="end" font-size="11" fill="#555">${chart.to.slice(0, 16).replace('T', ' ')} UTC</text>
${bars}${budget}</svg>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
