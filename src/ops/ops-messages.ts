/** What the operations side says to an operator, worded once. */
export const opsMessages = {
  portInUse: (port: number) => `port ${port} is already in use: stop what listens there, or set PORT to a free port.`,
  portDenied: (port: number) => `cannot listen on port ${port} (permission denied): use a port above 1023, or set PORT.`,
  notFound: 'not found: this port serves /healthz, /readyz, /metrics and /ops',
  pageStarting: 'the operator page is not ready yet: readout is still starting (loading the corpus)',
  methodNotAllowed: 'only GET is served here',
};
