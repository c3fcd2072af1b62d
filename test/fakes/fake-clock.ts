import type { Clock } from '../../src/core/clock.js';

/** A clock that only moves when told; `sleep` advances it instead of waiting. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-04-24T00:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }

  /** An injected `sleep` that moves this clock forward and records what was asked. */
  readonly sleeps: number[] = [];
  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.advance(ms);
  };
}
