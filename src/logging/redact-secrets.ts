/** Token shapes that must never reach a log: Slack tokens, Discord bot tokens, bearer headers, signing secrets. */
const SECRET_PATTERNS: RegExp[] = [
  // Token rotation: refresh tokens (xoxe-1-…) and rotating access tokens (xoxe.xoxb-1-…).
  /\bxoxe[.-][A-Za-z0-9.-]{8,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{8,}/g,
  /\bxapp-[A-Za-z0-9-]{8,}/g,
  /\b[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}\b/g,
  /\b(Bearer|Bot)\s+[A-Za-z0-9._~+/=-]{12,}/gi,
];

/**
 * A signing secret is 32 hex digits, but so are cache keys, digests and ids that must stay readable:
 * only hex that follows a secret's name (`secret=…`, `"signing_secret":"…"`) is masked by shape.
 */
const NAMED_HEX_SECRET = /\b((?:signing[_ ]?)?secret["']?\s*[:=]\s*["']?)[a-f0-9]{32}\b/gi;

const SECRET_KEYS = /token|secret|password|authorization|signature|cookie/i;

export interface RedactOptions {
  /** Keep error stacks (LOG_LEVEL=debug or trace); otherwise an error is its type, message, codes and causes. */
  stacks?: boolean;
}

/** Returns a copy of a log value with secrets masked, by key name and by shape; errors keep their codes and cause chain. */
export function redactSecrets(value: unknown, options: RedactOptions = {}, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return serializeError(value, options, depth);
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, options, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      SECRET_KEYS.test(key) && item !== undefined && item !== null && item !== '' ? '[redacted]' : redactSecrets(item, options, depth + 1);
  }
  return out;
}

/**
 * An error as a log field: its type and message, the platform's own error code (Slack's `data.error`,
 * Discord's `rawError`, a system `code`, an HTTP `status`) and its `cause`, recursively.
 */
function serializeError(error: Error, options: RedactOptions, depth: number): Record<string, unknown> {
  const e = error as Error & { code?: unknown; status?: unknown; data?: { error?: unknown }; rawError?: unknown; original?: unknown };
  const out: Record<string, unknown> = { type: error.name, message: redactString(error.message) };
  if (e.code !== undefined) out['code'] = redactSecrets(e.code, options, depth + 1);
  if (typeof e.status === 'number') out['status'] = e.status;
  if (e.data && typeof e.data === 'object' && e.data.error !== undefined)
    out['slackError'] = redactSecrets(e.data.error, options, depth + 1);
  if (e.rawError !== undefined) out['discordError'] = redactSecrets(e.rawError, options, depth + 1);
  // @slack/web-api keeps the network error that stopped a call in `original`.
  const cause = error.cause ?? e.original;
  if (cause !== undefined && depth < 6) out['cause'] = redactSecrets(cause, options, depth + 1);
  if (options.stacks && error.stack) out['stack'] = redactString(error.stack);
  return out;
}

function redactString(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '[redacted]');
  return out.replace(NAMED_HEX_SECRET, '$1[redacted]');
}
