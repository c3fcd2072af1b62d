/** Token shapes that must never reach a log: Slack tokens, Discord bot tokens, bearer headers, signing secrets. */
const SECRET_PATTERNS: RegExp[] = [
  /\bxox[abposr]-[A-Za-z0-9-]{8,}/g,
  /\bxapp-[A-Za-z0-9-]{8,}/g,
  /\b[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}\b/g,
  /\b(Bearer|Bot)\s+[A-Za-z0-9._~+/=-]{12,}/gi,
  /\b[a-f0-9]{32}\b/g,
];

const SECRET_KEYS = /token|secret|password|authorization|signature|cookie/i;

/** Returns a copy of a log value with secrets masked, by key name and by shape. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { type: value.name, message: redactString(value.message), stack: value.stack ? redactString(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEYS.test(key) && item !== undefined && item !== null && item !== '' ? '[redacted]' : redactSecrets(item, depth + 1);
  }
  return out;
}

function redactString(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, '[redacted]');
  return out;
}
