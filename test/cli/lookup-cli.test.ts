import { describe, expect, it } from 'vitest';
import { runReadout } from './run-readout.js';

describe('readout lookup', () => {
  it('answers every batch line with its own output line, a blank one included', () => {
    const { code, stdout } = runReadout(['lookup', '--limit', '1'], { input: 'belt\n\nkenya\n' });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.query)).toEqual(['belt', '', 'kenya']);
    expect(lines[1].error.code).toBe('empty-query');
  }, 60_000);

  it('exits 1 when nothing is found, as text and as JSON, and suggests shell commands that run as shown', () => {
    const nothing = runReadout(['lookup', 'zzzqqqxx']);
    expect(nothing.code).toBe(1);
    // Chat syntax in the message becomes the shell command that does the same.
    expect(nothing.stdout).toContain('readout help lookup');
    expect(nothing.stdout).not.toContain('/help');
    expect(runReadout(['lookup', 'zzzqqqxx', '--json']).code).toBe(1);
    const found = runReadout(['lookup', 'Forum', 'on', 'China-Africa', 'Cooperation']);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain("More results: readout lookup 'Forum on China-Africa Cooperation' --limit 5 --offset 5");
    expect(found.stdout).toMatch(/more in 000_4428246b: readout lookup 'Forum on China-Africa Cooperation' --doc 000_4428246b8b720a03/);
    expect(found.stdout).not.toMatch(/\/lookup|Share in channel|more in this document/);
    // The suggested command, run as printed (the shell takes the quotes off), gives the next page.
    const next = runReadout(['lookup', 'Forum on China-Africa Cooperation', '--limit', '5', '--offset', '5']);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/6–\d+ of \d+ passages for “Forum on China-Africa Cooperation”/);
  }, 90_000);

  it('suggests the nearest command for a typo', () => {
    const { code, stderr } = runReadout(['lokup', 'belt']);
    expect(code).toBe(2);
    expect(stderr).toContain('Did you mean "readout lookup"?');
  }, 60_000);
});
