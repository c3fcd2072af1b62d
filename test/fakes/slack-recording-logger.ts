import type { Logger } from '../../src/core/logger.js';

export interface LogLine {
  level: 'info' | 'warn' | 'error' | 'debug';
  fields: Record<string, unknown>;
  message: string | undefined;
}

/** A Logger that keeps every line and lets a test await one by its message, instead of sleeping. */
export class RecordingLogger implements Logger {
  readonly lines: LogLine[];
  private readonly bound: Record<string, unknown>;
  private readonly waiters: Set<() => void>;

  constructor(lines: LogLine[] = [], bound: Record<string, unknown> = {}, waiters = new Set<() => void>()) {
    this.lines = lines;
    this.bound = bound;
    this.waiters = waiters;
  }

  info(fields: Record<string, unknown>, message?: string): void {
    this.record('info', fields, message);
  }
  warn(fields: Record<string, unknown>, message?: string): void {
    this.record('warn', fields, message);
  }
  error(fields: Record<string, unknown>, message?: string): void {
    this.record('error', fields, message);
  }
  debug(fields: Record<string, unknown>, message?: string): void {
    this.record('debug', fields, message);
  }
  child(fields: Record<string, unknown>): Logger {
    return new RecordingLogger(this.lines, { ...this.bound, ...fields }, this.waiters);
  }

  messages(level?: LogLine['level']): string[] {
    return this.lines.filter((line) => !level || line.level === level).map((line) => line.message ?? '');
  }

  /** Resolves when a line with this message has been logged (now or later). */
  waitFor(message: string): Promise<void> {
    return new Promise((resolve) => {
      const waiter = () => {
        if (!this.lines.some((line) => line.message === message)) return;
        this.waiters.delete(waiter);
        resolve();
      };
      this.waiters.add(waiter);
      waiter();
    });
  }

  private record(level: LogLine['level'], fields: Record<string, unknown>, message: string | undefined): void {
    this.lines.push({ level, fields: { ...this.bound, ...fields }, message });
    for (const waiter of [...this.waiters]) waiter();
  }
}
