import { z } from 'zod';
import { isIsoDate } from './calendar-date.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isIsoDate, 'is not a real calendar date')
  .nullable();
const text = z.string().trim().min(1, 'must not be empty');

/** `<id>.meta.json`: sets or overrides any metadata the text does not give (or gives wrongly). Unknown fields are errors, to catch typos. */
export const sidecarSchema = z.strictObject({
  title: text.optional(),
  eventDate: isoDate.optional(),
  publishedDate: isoDate.optional(),
  place: text.nullable().optional(),
  source: text.nullable().optional(),
  people: z.array(text).optional(),
  countries: z.array(text).optional(),
});

export type Sidecar = z.infer<typeof sidecarSchema>;
