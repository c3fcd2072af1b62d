/** User-facing messages of the store, in one place. */
export const storeMessages = {
  postgresNotImplemented: (url: string) =>
    `DATABASE_URL “${redactUrl(url)}” asks for Postgres, which is not supported yet. Use sqlite:./data/readout.db (the default) for now.`,
  unknownScheme: (url: string) =>
    `DATABASE_URL “${redactUrl(url)}” is not a database I can open. Use sqlite:./data/readout.db, sqlite:/absolute/path.db or sqlite::memory:.`,
  cannotOpen: (path: string, reason: string) => `Could not open the database file ${path}: ${reason}. Check that the folder is writable.`,
  newerSchema: (found: number, known: number) =>
    `The database has schema version ${found}, but this readout only knows up to ${known}. Upgrade readout or point DATABASE_URL at another file.`,
} as const;

/** Hides a password in a connection URL before it is shown anywhere. */
function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
