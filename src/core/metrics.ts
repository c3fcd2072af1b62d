/**
 * What the app counts while it works, as a port: the ops module records these into Prometheus,
 * tests record them in memory. Label values are bounded (command names, platforms, outcomes), never ids.
 */
export interface Metrics {
  /** A command finished (its full answer is ready). */
  commandFinished(event: { command: string; platform: string; outcome: 'ok' | 'user_error' | 'error'; seconds: number }): void;
  /** A platform acknowledged a command (Slack ack, Discord defer or first reply). */
  commandAcked(event: { command: string; platform: string; seconds: number }): void;
  /** A platform answered 429. */
  rateLimited(platform: string): void;
  /** A call to a platform was retried. */
  retried(platform: string): void;
}

/** Metrics that go nowhere: the default for tests and one-shot CLI runs. */
export const noMetrics: Metrics = {
  commandFinished: () => {},
  commandAcked: () => {},
  rateLimited: () => {},
  retried: () => {},
};
