import { formatPath } from '../names/load-gazetteer.js';
import { corpusMessages } from './corpus-messages.js';
import { type Sidecar, sidecarSchema } from './sidecar-schema.js';

/** The suffix of a sidecar file: `<id>.meta.json`. */
export const SIDECAR_SUFFIX = '.meta.json';

export type SidecarRead = { ok: true; sidecar: Sidecar } | { ok: false; reason: string };

/** Parses and validates a sidecar's text; a failure names the file, the field and the reason. */
export function parseSidecar(file: string, text: string): SidecarRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: corpusMessages.sidecarNotJson(file, (error as Error).message) };
  }
  const parsed = sidecarSchema.safeParse(json);
  if (parsed.success) return { ok: true, sidecar: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    return {
      ok: false,
      reason: corpusMessages.sidecarInvalid(
        file,
        issue.keys.join(', '),
        'is not a known field (use title, eventDate, publishedDate, place, source, people, countries)',
      ),
    };
  }
  return {
    ok: false,
    reason: corpusMessages.sidecarInvalid(file, issue ? formatPath(issue.path) : '(root)', issue?.message ?? 'is invalid'),
  };
}
