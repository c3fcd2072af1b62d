/** What the operations side says to an operator, worded once. */
export const opsMessages = {
  portInUse: (port: number) => `port ${port} is already in use: stop what listens there, or set PORT to a free port.`,
  portDenied: (port: number) => `cannot listen on port ${port} (permission denied): use a port above 1023, or set PORT.`,
  notFound: 'not found: this port serves /healthz, /readyz and /metrics',
  methodNotAllowed: 'only GET is served here',
  sqliteSharedWith: (path: string, pid: number, host: string, since: string) =>
    `another readout process (pid ${pid} on ${host}, running since ${since}) uses the same SQLite file ${path}. SQLite serves one process: ` +
    'stop the other one, give each its own file, or set DATABASE_URL to a Postgres server to run several (README, "Running more than one process").',
};
