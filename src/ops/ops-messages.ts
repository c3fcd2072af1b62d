/** What the operations side says to an operator, worded once. */
export const opsMessages = {
  portInUse: (port: number, name = 'PORT') => `port ${port} is already in use: stop what listens there, or set ${name} to a free port.`,
  portDenied: (port: number, name = 'PORT') => `cannot listen on port ${port} (permission denied): use a port above 1023, or set ${name}.`,
  notFound: 'not found: this port serves /healthz, /readyz, /metrics and /ops',
  pageStarting: 'the operator page is not ready yet: readout is still starting (loading the corpus)',
  pageNotHere:
    'not found: the operator page is served on READOUT_OPS_PORT, or here with READOUT_OPS_TOKEN (a bearer token, or the sign-in form at /ops/login)',
  metricsNotHere:
    'not found: /metrics and readiness details are served on READOUT_OPS_PORT, or here to a request with READOUT_OPS_TOKEN as a bearer token',
  methodNotAllowed: 'only GET is served here',
  sqliteSharedWith: (path: string, pid: number, host: string, since: string) =>
    `another readout process (pid ${pid} on ${host}, running since ${since}) uses the same SQLite file ${path}. SQLite serves one process: ` +
    'stop the other one, give each its own file, or set DATABASE_URL to a Postgres server to run several (README, "Running more than one process").',
};
