import { digestMessages } from './digest-messages.js';
import { PostError } from './digest-types.js';

const CONNECTION_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);
/** What node-postgres says when its connection ends or cannot be made in time (these errors carry no code). */
const CONNECTION_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error)/;

/**
 * What the ledger (and so `/digest status`) says about a failure: the platform's short reason for a PostError,
 * otherwise a plain category. A raw exception message (`SqliteError: …`, `Cannot read properties of …`) never
 * reaches a user; the caller logs the full error.
 */
export function readableReason(error: unknown): string {
  if (error instanceof PostError) return error.reason;
  const e = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  // Platform requests fail as PostErrors; a socket error reaching here is the database connection (reset, refused, timed out).
  if (CONNECTION_CODES.has(code) || CONNECTION_MESSAGES.test(message)) return digestMessages.reasonConnection;
  if (/sqlite|postgres|database/i.test(name) || /^SQLITE_/.test(code) || /^[0-9A-Z]{5}$/.test(code)) {
    return digestMessages.reasonDatabase;
  }
  return digestMessages.reasonUnexpected;
}
