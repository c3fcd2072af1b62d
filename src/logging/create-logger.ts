import { pino } from 'pino';
import type { Logger } from '../core/logger.js';
import { type RedactOptions, redactSecrets } from './redact-secrets.js';

export interface LoggerOptions {
  level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `json`: one JSON record per event (production); `pretty`: one readable line per event (a terminal). */
  format: 'json' | 'pretty';
  /** Where lines go; stderr by default so stdout stays for answers and JSON. */
  destination?: NodeJS.WritableStream;
}

/**
 * The process logger: pino for JSON records, a small line formatter for terminals. Both redact
 * secrets, and both encode user text so it can never start a new line (no forged records).
 */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? process.stderr;
  // Stack traces are for debugging: an operator's mistake reads as one line at the usual levels.
  const redact: RedactOptions = { stacks: options.level === 'debug' || options.level === 'trace' };
  if (options.format === 'pretty') return prettyLogger(options.level, destination, {}, redact);
  const base = pino(
    {
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors are serialized by redactSecrets (codes, causes, stacks only at debug), not pino's own serializer.
      serializers: { err: (value: unknown) => value },
      formatters: { log: (fields) => redactSecrets(fields, redact) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const [first, second, ...rest] = args as unknown[];
          const message = typeof second === 'string' ? (redactSecrets(second) as string) : second;
          method.apply(this, [first, message, ...rest] as Parameters<typeof method>);
        },
      },
    },
    destination as pino.DestinationStream,
  );
  return wrapPino(base, redact);
}

function wrapPino(log: pino.Logger, redact: RedactOptions): Logger {
  return {
    info: (fields, message) => log.info(fields, message),
    warn: (fields, message) => log.warn(fields, message),
    error: (fields, message) => log.error(fields, message),
    debug: (fields, message) => log.debug(fields, message),
    child: (fields) => wrapPino(log.child(redactSecrets(fields, redact) as Record<string, unknown>), redact),
  };
}

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 100 } as const;

function prettyLogger(
  level: LoggerOptions['level'],
  out: NodeJS.WritableStream,
  bound: Record<string, unknown>,
  redact: RedactOptions,
): Logger {
  const threshold = LEVELS[level];
  const write = (name: 'debug' | 'info' | 'warn' | 'error', fields: Record<string, unknown>, message?: string) => {
    if (LEVELS[name] < threshold) return;
    const all = redactSecrets({ ...bound, ...fields }, redact) as Record<string, unknown>;
    const pairs = Object.entries(all)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${oneLine(key === 'err' ? errorChain(value) : value)}`)
      .join(' ');
    const time = new Date().toISOString().slice(11, 19);
    out.write(
      `${time} ${name.toUpperCase().padEnd(5)} ${oneLine(redactSecrets(message ?? '') as string, false)}${pairs ? ` ${pairs}` : ''}\n`,
    );
  };
  return {
    info: (fields, message) => write('info', fields, message),
    warn: (fields, message) => write('warn', fields, message),
    error: (fields, message) => write('error', fields, message),
    debug: (fields, message) => write('debug', fields, message),
    child: (fields) => prettyLogger(level, out, { ...bound, ...fields }, redact),
  };
}

/** JSON-encodes anything that could carry a newline or control character, so one event stays one line. */
function oneLine(value: unknown, quoteSimple = true): string {
  if (typeof value === 'string') {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we look for
    const unsafe = /[\u0000-\u001f\u007f\u2028\u2029"\s=]/.test(value);
    if (!unsafe) return value;
    const encoded = JSON.stringify(value);
    return quoteSimple ? encoded : encoded.slice(1, -1);
  }
  if (value instanceof Error) return JSON.stringify(value.message);
  return JSON.stringify(value) ?? String(value);
}

/** A serialized error as one readable chain for a terminal: `message [code] ← cause [code]`, then the stack when kept. */
function errorChain(value: unknown): unknown {
  const parts: string[] = [];
  let stack: string | undefined;
  for (let current = value, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const e = current as {
      message?: unknown;
      code?: unknown;
      slackError?: unknown;
      discordError?: unknown;
      stack?: unknown;
      cause?: unknown;
    };
    if (typeof e.message !== 'string') break;
    const codes = [e.code, e.slackError].filter((c) => typeof c === 'string' || typeof c === 'number');
    parts.push(`${e.message}${codes.length ? ` [${codes.join(', ')}]` : ''}`);
    if (typeof e.stack === 'string') stack ??= e.stack;
    current = e.cause;
  }
  if (parts.length === 0) return value;
  return stack ? `${parts.join(' ← ')}\n${stack}` : parts.join(' ← ');
}
