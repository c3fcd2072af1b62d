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
