import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoadWarning } from '../../../src/core/document.js';
import { loadGazetteer } from '../../../src/core/names/index.js';
import { UserError } from '../../../src/core/user-error.js';

const dirs: string[] = [];
function folderWith(content?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'readout-people-'));
  dirs.push(dir);
  if (content !== undefined) writeFileSync(join(dir, 'people.json'), content);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadGazetteer', () => {
  it('reads the seeds table with every seed person, country and place', () => {
    const g = loadGazetteer(new URL('../../../seeds', import.meta.url).pathname);
    expect(g.people.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'Xi Jinping',
        'William Ruto',
        'Rachel Ruto',
        'Peng Liyuan',
        'Kassym-Jomart Tokayev',
        'Wang Yi',
        'Raychelle Awuor Omamo',
        'Cai Qi',
        'Qin Gang',
      ]),
    );
    expect(g.countries.map((c) => c.name)).toEqual(expect.arrayContaining(['China', 'Kenya', 'Kazakhstan']));
    expect(g.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Beijing', 'Mombasa', 'Nairobi', "Xi'an", 'Astana', 'Tianjin']));
  });

  it('gives an empty table and a warning when the file is missing', () => {
    const warnings: LoadWarning[] = [];
    expect(loadGazetteer(folderWith(), (w) => warnings.push(w))).toEqual({ people: [], countries: [], places: [] });
    expect(warnings).toEqual([{ file: 'people.json', reason: expect.stringContaining('No people table') }]);
  });

  it('fills optional lists with defaults', () => {
    const g = loadGazetteer(folderWith('{"people":[{"name":"Ann Lee"}]}'));
    expect(g).toEqual({ people: [{ name: 'Ann Lee', aliases: [], titles: [], country: null }], countries: [], places: [] });
  });

  it.each([
    [
      '{"people":[{"name":"A Ruto","aliases":["Ruto"]},{"name":"B Ruto","aliases":["Ruto"]}]}',
      '"Ruto" is listed for both A Ruto (person) and B Ruto (person)',
    ],
    [
      '{"people":[{"name":"Georgia"}],"countries":[{"name":"Georgia"}]}',
      '"Georgia" is listed for both Georgia (person) and Georgia (country)',
    ],
  ])('warns when a name is listed twice: %s', (content, reason) => {
    const warnings: LoadWarning[] = [];
    loadGazetteer(folderWith(content), (w) => warnings.push(w));
    expect(warnings).toEqual([{ file: 'people.json', reason: expect.stringContaining(reason) }]);
  });

  it('the seeds table lists no name twice', () => {
    const warnings: LoadWarning[] = [];
    loadGazetteer(new URL('../../../seeds', import.meta.url).pathname, (w) => warnings.push(w));
    expect(warnings).toEqual([]);
  });

  it.each([
    ['{"people":[{"name":"Ann"},{"aliases":["B"]}]}', /people\.json.*people\[1\]\.name/],
    ['{"people":[{"name":"Ann","aliases":["ok",3]}]}', /people\[0\]\.aliases\[1\]/],
    ['{"countries":[{"name":""}]}', /countries\[0\]\.name: must be a non-empty name/],
    ['{"places": 5}', /places/],
    ['{"people": [', /not valid JSON/],
  ])('rejects %s with a message naming file and field', (content, message) => {
    const dir = folderWith(content);
    let caught: unknown;
    try {
      loadGazetteer(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe('people_invalid');
    expect((caught as UserError).message).toMatch(message);
    expect((caught as UserError).message).toContain(join(dir, 'people.json'));
  });
});
