import { BAR_COLOR } from '../../src/core/timeline/index.js';
import { decodePng } from './decode-png.js';

/** One bar as the SVG draws it. */
export interface SvgBar {
  period: string;
  passages: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The bars of a timeline SVG, read from its `<rect class="bar">` elements. */
export function svgBars(svg: string): SvgBar[] {
  return [
    ...svg.matchAll(
      /<rect class="bar" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"[^>]*data-period="([^"]+)" data-passages="(\d+)"/g,
    ),
  ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]), period: m[5]!, passages: Number(m[6]) }));
}

/** How many pixels of the bar colour the column through each bar's centre holds: the bar heights a person sees. */
export function measuredBarHeights(png: Buffer, bars: readonly SvgBar[]): { width: number; height: number; heights: number[] } {
  const image = decodePng(png);
  const target = [1, 3, 5].map((at) => Number.parseInt(BAR_COLOR.slice(at, at + 2), 16));
  const isBar = (rgb: [number, number, number]) => rgb.every((value, i) => Math.abs(value - target[i]!) <= 24);
  const heights = bars.map((bar) => {
    const x = Math.round(bar.x + bar.width / 2);
    let count = 0;
    for (let y = 0; y < image.height; y++) if (isBar(image.pixel(x, y))) count++;
    return count;
  });
  return { width: image.width, height: image.height, heights };
}
