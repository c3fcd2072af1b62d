import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TIMELINE_HEIGHT, TIMELINE_WIDTH } from '../../src/core/timeline/index.js';
import { measuredBarHeights, svgBars } from '../fakes/timeline-picture.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'readout-timeline-'));

function readout(args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    READOUT_CACHE_DIR: join(dir, 'cache'),
  };
  for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
  const result = spawnSync(process.execPath, ['bin/readout.js', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('readout timeline', () => {
  it('prints text bars, --json, --csv, and writes the SVG and PNG, all with the same counts', () => {
    const json = readout(['timeline', 'trade', '--json']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { periods: { period: string; passages: number; documents: number }[] };
    expect(parsed.periods.length).toBeGreaterThan(1);

    const text = readout(['timeline', 'trade']);
    for (const p of parsed.periods) expect(text.stdout).toMatch(new RegExp(`^${p.period} ▇* ?${p.passages}$`, 'm'));

    const csv = readout(['timeline', 'trade', '--csv']);
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
    expect(readout(['timeline', 'trade', '--svg', svgFile, '--png', pngFile]).code).toBe(0);
    const bars = svgBars(readFileSync(svgFile, 'utf8'));
    expect(bars.map((b) => [b.period, b.passages])).toEqual(parsed.periods.map((p) => [p.period, p.passages]));
    const measured = measuredBarHeights(readFileSync(pngFile), bars);
    expect([measured.width, measured.height]).toEqual([TIMELINE_WIDTH, TIMELINE_HEIGHT]);
    measured.heights.forEach((height, i) => {
      expect(Math.abs(height - bars[i]!.height)).toBeLessThanOrEqual(2);
    });
  });

  it('says what is wrong with a bad flag or an empty query, with exit code 2', () => {
    const bad = readout(['timeline', 'trade', '--from', '2025-13', '--csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from 2025-13 is not a date');
    const empty = readout(['timeline', '--png', join(dir, 'x.png')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('readout timeline needs a query');
  });
});
