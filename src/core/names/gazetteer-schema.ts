import { z } from 'zod';
import type { Gazetteer } from '../document.js';

const name = z.string().trim().min(1, 'must be a non-empty name');
const names = z.array(name).default([]);

/** The shape of `seeds/people.json`; optional lists default to empty so hand-written entries stay short. */
export const gazetteerSchema = z.object({
  people: z
    .array(
      z.object({
        name,
        aliases: names,
        titles: names,
        country: name.nullable().default(null),
      }),
    )
    .default([]),
  countries: z.array(z.object({ name, aliases: names })).default([]),
  places: z.array(z.object({ name, aliases: names, country: name.nullable().default(null) })).default([]),
}) satisfies z.ZodType<Gazetteer, unknown>;

/** A gazetteer that knows nobody, for folders without a people table. */
export function emptyGazetteer(): Gazetteer {
  return { people: [], countries: [], places: [] };
}
