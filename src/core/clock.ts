/** The source of "now"; tests inject a fake one instead of reading wall time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
