import { Resvg } from '@resvg/resvg-js';

/** Rasterises an SVG that readout drew (system fonts, white background) to PNG bytes. */
export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
