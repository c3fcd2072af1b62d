import { ConfigError } from '../config.js';
import { UserError } from '../core/user-error.js';

/** Errors that are an operator's to fix (configuration, a file, the network), by the code somewhere in the cause chain. */
const OPERATOR_CODES: Record<string, (databaseUrl: string) => string> = {
  SQLITE_NOTADB: (url) =>
    `DATABASE_URL (${url}) points at a file that is not a SQLite database. Point it at a new path, or move that file away.`,
  SQLITE_CORRUPT: (url) =>
    `the database at DATABASE_URL (${url}) is damaged. Restore it from a backup, or point DATABASE_URL at a new path.`,
  SQLITE_CANTOPEN: (url) => `cannot open the database at DATABASE_URL (${url}): check that the directory exists and is writable.`,
  SQLITE_READONLY: (url) => `the database at DATABASE_URL (${url}) is read-only: readout needs to write to it.`,
  SQLITE_PERM: (url) => `no permission to open the database at DATABASE_URL (${url}).`,
  EACCES: () => 'permission denied (see the path or port above).',
};

/**
 * What went wrong at start-up, in one line an operator can act on; `expected` says whether it is
 * their mistake (no stack trace then, unless LOG_LEVEL=debug) or ours.
 */
export function describeStartupError(error: unknown, databaseUrl = ''): { message: string; expected: boolean } {
  if (error instanceof ConfigError || error instanceof UserError) return { message: error.message, expected: true };
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    const explain = typeof code === 'string' ? OPERATOR_CODES[code] : undefined;
    if (explain) return { message: explain(databaseUrl), expected: true };
    current = (current as { cause?: unknown }).cause;
  }
  const message = error instanceof Error ? error.message : String(error);
  // Adapters and the ops server word their own operator errors ("cannot reach Slack (...)", "port 3000 is already in use").
  const expected =
    /^(cannot reach|port \d+|cannot listen|Slack did not accept|Socket Mode could not|SLACK_|DISCORD_|discord gateway|an invalid token)/i.test(
      message,
    );
  return { message, expected };
}
