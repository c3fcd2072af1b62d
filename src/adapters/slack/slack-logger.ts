import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

/** A Slack logger that can hold back the client's retry warnings while the adapter starts. */
export interface QuietableSlackLogger extends SlackLogger {
  /**
   * While starting, the clients' warnings and errors ("http request failed", once per retry) go to debug: a
   * start-up failure is reported once, with its cause, by whoever starts the adapter.
   */
  quiet(on: boolean): void;
}

/** Bolt and the WebClient log through this, so their lines land in our structured log instead of stdout. */
export function toSlackLogger(logger: Logger, name = 'slack'): QuietableSlackLogger {
  let level: LogLevel = LogLevel.INFO;
  let quiet = false;
  let log = logger.child({ component: name });
  const line = (parts: unknown[]) =>
    parts.map((part) => (typeof part === 'string' ? part : part instanceof Error ? part.message : JSON.stringify(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => log.debug({}, line(parts)),
    info: (...parts: unknown[]) => log.info({}, line(parts)),
    warn: (...parts: unknown[]) => (quiet ? log.debug({}, line(parts)) : log.warn({}, line(parts))),
    quiet: (on: boolean) => {
      quiet = on;
    },
    error: (...parts: unknown[]) => (quiet ? log.debug({}, line(parts)) : log.error({}, line(parts))),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      log = logger.child({ component: next });
    },
  };
}
