import { digestMessages } from './digest-messages.js';
import { PostError } from './digest-types.js';

/**
 * What the ledger (and so `/digest status`) says about a failure: the platform's short reason for a PostError,
 * otherwise a plain category. A raw exception message (`SqliteError: …`, `Cannot read properties of …`) never
 * reaches a user; the caller logs the full error.
 */
export function readableReason(error: unknown): string {
  if (error instanceof PostError) return error.reason;
  const e = (error ?? {}) as { name?: unknown; code?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  if (/sqlite|postgres|database/i.test(name) || /^SQLITE_/.test(code) || /^[0-9A-Z]{5}$/.test(code)) {
    return digestMessages.reasonDatabase;
  }
  return digestMessages.reasonUnexpected;
}
