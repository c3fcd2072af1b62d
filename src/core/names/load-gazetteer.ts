import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gazetteer, LoadWarning } from '../document.js';
import { UserError } from '../user-error.js';
import { emptyGazetteer, gazetteerSchema } from './gazetteer-schema.js';
import { namesMessages } from './names-messages.js';

/** The file name of the people table inside a seeds folder. */
export const PEOPLE_FILE = 'people.json';

/** A gazetteer plus what the loader needs for the corpus fingerprint. */
export interface GazetteerRead {
  gazetteer: Gazetteer;
  warnings: LoadWarning[];
  /** Size and sha256 of the file, or null when there was none. */
  file: { name: string; size: number; sha256: string } | null;
}

/** Reads `people.json` from a folder: missing file means an empty gazetteer and a warning; an invalid one throws a UserError naming the field. */
export function readGazetteer(dir: string): GazetteerRead {
  const path = join(dir, PEOPLE_FILE);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return { gazetteer: emptyGazetteer(), warnings: [{ file: PEOPLE_FILE, reason: namesMessages.peopleMissing(path) }], file: null };
    }
    throw new UserError('people_invalid', namesMessages.peopleUnreadable(path, code ?? String(error)));
  }
  const file = { name: PEOPLE_FILE, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new UserError('people_invalid', namesMessages.peopleNotJson(path, (error as Error).message));
  }
  const parsed = gazetteerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? formatPath(issue.path) : '(root)';
    throw new UserError('people_invalid', namesMessages.peopleInvalid(path, field, issue?.message ?? 'invalid'));
  }
  return { gazetteer: parsed.data, warnings: findClashes(parsed.data), file };
}

/** The same name listed for two entries is read as the first; say so, since the table is hand-edited. */
function findClashes(gazetteer: Gazetteer): LoadWarning[] {
  const owners = new Map<string, string>();
  const warnings: LoadWarning[] = [];
  const claim = (form: string, owner: string) => {
    const key = form
      .trim()
      .replace(/['\u2019\u02bc]/g, "'")
      .replace(/\s+/g, ' ');
    const first = owners.get(key);
    if (first === undefined) owners.set(key, owner);
    else if (first !== owner) warnings.push({ file: PEOPLE_FILE, reason: namesMessages.aliasClash(form, first, owner) });
  };
  for (const p of gazetteer.people) for (const form of [p.name, ...p.aliases]) claim(form, `${p.name} (person)`);
  for (const c of gazetteer.countries) for (const form of [c.name, ...c.aliases]) claim(form, `${c.name} (country)`);
  for (const p of gazetteer.places) for (const form of [p.name, ...p.aliases]) claim(form, `${p.name} (place)`);
  return warnings;
}

/** Loads the people table of a seeds folder; warnings (a missing file) go to `onWarning` when given. */
export function loadGazetteer(dir: string, onWarning?: (warning: LoadWarning) => void): Gazetteer {
  const read = readGazetteer(dir);
  for (const warning of read.warnings) onWarning?.(warning);
  return read.gazetteer;
}

/** `people[3].aliases[0]`, the way a person editing the JSON would look for it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  }
  return out || '(root)';
}
