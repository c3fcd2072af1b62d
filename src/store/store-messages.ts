/** User-facing messages of the store, in one place. */
export const storeMessages = {
  unknownScheme: (url: string) =>
    `DATABASE_URL “${redactUrl(url)}” is not a database I can open. Use sqlite:./data/readout.db, sqlite:/absolute/path.db, sqlite::memory: or postgres://user@host:5432/database.`,
  cannotOpen: (path: string, reason: string) => `Could not open the database file ${path}: ${reason}. Check that the folder is writable.`,
  notADatabase: (path: string, reason: string) =>
    `The file ${path} is not a readout database (${reason}). Point DATABASE_URL at another file, or move this one away and readout creates a new one.`,
  newerSchema: (found: number, known: number) =>
    `The database has schema version ${found}, but this readout only knows up to ${known}. Upgrade readout or point DATABASE_URL at another file.`,
  cannotConnect: (url: string, reason: string) =>
    `Could not reach the Postgres database at ${redactUrl(url)}: ${reason}. Check DATABASE_URL and that the server is running.`,
  cannotMigrate: (url: string, reason: string) =>
    `The Postgres database at ${redactUrl(url)} refused to set up readout's tables: ${reason}. Check the user's rights on that database and schema.`,
  badPoolParameter: (name: string, value: string, min: number, max: number) =>
    `DATABASE_URL parameter ${name}=${value.slice(0, 40)} is not usable: expected a whole number from ${min} to ${max}.`,
  databaseLost: (reason: string) => `the database is unreachable (${reason}): digests wait, commands that need it answer with an error`,
  databaseBack: (seconds: number) => `the database is reachable again after ${seconds} s`,
  missingDatabase: (url: string, database: string) =>
    `The Postgres server at ${redactUrl(url)} has no database "${database}". Create it (\`createdb ${database}\`, or \`CREATE DATABASE "${database}";\` in psql) or point DATABASE_URL at one that exists; readout creates its tables itself.`,
  badPostgresUrl: (url: string) =>
    `DATABASE_URL “${redactUrl(url)}” is not a Postgres URL I can use. Expected postgres://user@host:5432/database (optionally ?schema=NAME).`,
  // Ledger reasons for a slot closed by a subscription change (kept short: they show in /digest status and `digest log`).
  reasonChanged: (before: string, after: string) => `subscription changed from ${before} to ${after}`,
  reasonPaused: 'subscription paused',
  reasonResumed: 'subscription resumed',
  reasonRemoved: 'subscription removed',
  installationBusy: 'another process has held this Slack installation for over a minute; try again',
} as const;

/** Hides a password in a connection URL before it is shown anywhere. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
