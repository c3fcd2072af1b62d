import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TIMELINE_HEIGHT, TIMELINE_WIDTH } from '../../src/core/timeline/index.js';
import { measuredBarHeights, svgBars } from '../fakes/timeline-picture.js';
import { runReadout } from './run-readout.js';

const dir = mkdtempSync(join(tmpdir(), 'readout-timeline-'));

describe('readout timeline', () => {
  it('prints text bars, --json, --csv, and writes the SVG and PNG, all with the same counts', () => {
    const json = runReadout(['timeline', 'trade', '--json'], { dir });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { periods: { period: string; passages: number; documents: number }[] };
    expect(parsed.periods.length).toBeGreaterThan(1);

    const text = runReadout(['timeline', 'trade'], { dir });
    for (const p of parsed.periods) expect(text.stdout).toMatch(new RegExp(`^${p.period} ▇* ?${p.passages}$`, 'm'));

    const csv = runReadout(['timeline', 'trade', '--csv'], { dir });
    expect(
      csv.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','))
        .map((c) => [c[0], Number(c[3]), Number(c[4])]),
    ).toEqual(parsed.periods.map((p) => [p.period, p.documents, p.passages]));

    const svgFile = join(dir, 'trade.svg');
    const pngFile = join(dir, 'trade.png');
    expect(runReadout(['timeline', 'trade', '--svg', svgFile, '--png', pngFile], { dir }).code).toBe(0);
    const bars = svgBars(readFileSync(svgFile, 'utf8'));
    expect(bars.map((b) => [b.period, b.passages])).toEqual(parsed.periods.map((p) => [p.period, p.passages]));
    const measured = measuredBarHeights(readFileSync(pngFile), bars);
    expect([measured.width, measured.height]).toEqual([TIMELINE_WIDTH, TIMELINE_HEIGHT]);
    measured.heights.forEach((height, i) => {
      expect(Math.abs(height - bars[i]!.height)).toBeLessThanOrEqual(2);
    });
  });

  it('says what is wrong with a bad flag or an empty query, with exit code 2', () => {
    const bad = runReadout(['timeline', 'trade', '--from', '2025-13', '--csv'], { dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from 2025-13 is not a date');
    const empty = runReadout(['timeline', '--png', join(dir, 'x.png')], { dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('readout timeline needs a query');
  });
});
