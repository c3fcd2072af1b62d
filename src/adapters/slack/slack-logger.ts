import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

/** Bolt and the WebClient log through this, so their lines land in our structured log instead of stdout. */
export function toSlackLogger(logger: Logger, name = 'slack'): SlackLogger {
  let level: LogLevel = LogLevel.INFO;
  let log = logger.child({ component: name });
  const line = (parts: unknown[]) =>
    parts.map((part) => (typeof part === 'string' ? part : part instanceof Error ? part.message : JSON.stringify(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => log.debug({}, line(parts)),
    info: (...parts: unknown[]) => log.info({}, line(parts)),
    warn: (...parts: unknown[]) => log.warn({}, line(parts)),
    error: (...parts: unknown[]) => log.error({}, line(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      log = logger.child({ component: next });
    },
  };
}
