import { describe, expect, it } from 'vitest';
import { toCronLogger } from '../../../src/adapters/scheduler/index.js';
import type { Logger } from '../../../src/core/logger.js';

function recordingLogger(): Logger & { lines: { level: string; fields: Record<string, unknown>; message?: string | undefined }[] } {
  const lines: { level: string; fields: Record<string, unknown>; message?: string | undefined }[] = [];
  const logger = {
    lines,
    info: (fields: Record<string, unknown>, message?: string) => lines.push({ level: 'info', fields, message }),
    warn: (fields: Record<string, unknown>, message?: string) => lines.push({ level: 'warn', fields, message }),
    error: (fields: Record<string, unknown>, message?: string) => lines.push({ level: 'error', fields, message }),
    debug: (fields: Record<string, unknown>, message?: string) => lines.push({ level: 'debug', fields, message }),
    child: () => logger,
  };
  return logger;
}

describe("node-cron's logger", () => {
  it('is the app logger: warnings and errors become records with the error kept as a field', () => {
    const logger = recordingLogger();
    const cronLogger = toCronLogger(logger);
    cronLogger.warn('missed execution at Mon Nov 30 2026 09:00:00! Possible blocking IO');
    const failure = new Error('tick exploded');
    cronLogger.error('Task failed with error!', failure);
    cronLogger.error(failure);
    expect(logger.lines).toEqual([
      { level: 'warn', fields: {}, message: 'missed execution at Mon Nov 30 2026 09:00:00! Possible blocking IO' },
      { level: 'error', fields: { err: failure }, message: 'Task failed with error!' },
      { level: 'error', fields: { err: failure }, message: 'tick exploded' },
    ]);
  });
});
