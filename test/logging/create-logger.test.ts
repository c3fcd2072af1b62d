import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/create-logger.js';

function capture(format: 'json' | 'pretty') {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk) => chunks.push(String(chunk)));
  const logger = createLogger({ level: 'info', format, destination: stream });
  return { logger, text: () => chunks.join('') };
}

const SECRETS = [
  'xoxb-1234567890-abcdefghij',
  'xapp-1-A0123456789-abcdef',
  'MTA1234567890123456789012.GaBcDe.abcdefghijklmnopqrstuvwxyz0123',
];

describe.each(['json', 'pretty'] as const)('%s logs', (format) => {
  it('redact tokens by key and by shape', () => {
    const { logger, text } = capture(format);
    logger.info(
      { token: 'plain-secret-value', signingSecret: 'abc', note: `header Bearer ${'z'.repeat(20)} and ${SECRETS.join(' ')}` },
      `got ${SECRETS[0]}`,
    );
    const out = text();
    for (const secret of [...SECRETS, 'plain-secret-value', 'z'.repeat(20)]) expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('keep one event on one line whatever the user typed', () => {
    const { logger, text } = capture(format);
    logger.info({ text: 'hello\n{"level":50,"msg":"forged"}\r\nINFO forged line' }, 'command');
    logger.info({ command: 'lookup' }, 'second');
    const lines = text().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('forged');
  });

  it('carry the fields of a child logger', () => {
    const { logger, text } = capture(format);
    logger.child({ platform: 'slack' }).info({ durationMs: 12, outcome: 'ok' }, 'command');
    expect(text()).toMatch(/platform.*slack/);
    expect(text()).toMatch(/outcome.*ok/);
  });
});

describe('json logs', () => {
  it('are one parseable JSON record per event', () => {
    const { logger, text } = capture('json');
    logger.warn({ file: 'x.txt', reason: 'empty' }, 'document skipped');
    const record = JSON.parse(text().trim());
    expect(record).toMatchObject({ level: 40, file: 'x.txt', reason: 'empty', msg: 'document skipped' });
  });
});

describe('errors in logs', () => {
  function captureAt(level: 'info' | 'debug') {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk) => chunks.push(String(chunk)));
    return { logger: createLogger({ level, format: 'json', destination: stream }), record: () => JSON.parse(chunks.join('').trim()) };
  }

  it("keep their cause chain and the platform's own error code, redacted", () => {
    const { logger, record } = captureAt('info');
    const slack = Object.assign(new Error('An API error occurred: invalid_auth'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'invalid_auth' },
    });
    const discord = Object.assign(new Error('Unknown Channel'), {
      code: 10003,
      status: 404,
      rawError: { message: 'Unknown Channel', code: 10003 },
    });
    const top = new Error('posting failed with xoxb-1234567890-abcdefghij', { cause: Object.assign(slack, { cause: discord }) });
    logger.error({ err: top }, 'digest post failed');
    const { err } = record();
    expect(err.message).toBe('posting failed with [redacted]');
    expect(err.cause).toMatchObject({ code: 'slack_webapi_platform_error', slackError: 'invalid_auth' });
    expect(err.cause.cause).toMatchObject({ code: 10003, status: 404, discordError: { code: 10003 } });
    expect(err.stack).toBeUndefined();
  });

  it('carry stacks only at debug', () => {
    const { logger, record } = captureAt('debug');
    logger.error({ err: new Error('boom') }, 'failed');
    expect(record().err.stack).toMatch(/^Error: boom\n\s+at /);
  });

  it('keep 32-hex cache keys and ids, and still mask a signing secret named as one', () => {
    const { logger, record } = captureAt('info');
    const key = '4428246b8b720a03c0ffee0123456789';
    logger.info({ cacheKey: key, note: `signing_secret=${'a'.repeat(32)}` }, `index cache ${key}`);
    const line = record();
    expect(line.cacheKey).toBe(key);
    expect(line.msg).toBe(`index cache ${key}`);
    expect(line.note).toBe('signing_secret=[redacted]');
  });
});
