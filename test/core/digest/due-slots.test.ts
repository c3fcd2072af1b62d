import { describe, expect, it } from 'vitest';
import { dueSlots, nextRunAt, parseTimeOfDay, resolveLocalTime } from '../../../src/core/digest/index.js';

const HOUR = 3_600_000;
const sub = (time: string, timezone: string, createdAt = '2026-01-01T00:00:00Z') => ({ time, timezone, createdAt });
const iso = (date: Date) => date.toISOString();

describe('resolveLocalTime', () => {
  it.each([
    // date, time, zone, UTC instant, adjusted
    ['2026-04-24', '09:00', 'Asia/Almaty', '2026-04-24T04:00:00.000Z', null],
    ['2026-03-29', '09:00', 'Europe/London', '2026-03-29T08:00:00.000Z', null],
    ['2026-03-28', '09:00', 'Europe/London', '2026-03-28T09:00:00.000Z', null],
    ['2026-10-25', '09:00', 'Europe/London', '2026-10-25T09:00:00.000Z', null],
    ['2026-10-24', '09:00', 'Europe/London', '2026-10-24T08:00:00.000Z', null],
    // Spring forward: 01:00-02:00 does not exist in London, 02:00-03:00 not in New York: the next valid minute.
    ['2026-03-29', '01:30', 'Europe/London', '2026-03-29T01:00:00.000Z', 'gap'],
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:00:00.000Z', 'gap'],
    ['2026-03-08', '02:00', 'America/New_York', '2026-03-08T07:00:00.000Z', 'gap'],
    ['2026-03-08', '03:00', 'America/New_York', '2026-03-08T07:00:00.000Z', null],
    // Fall back: 01:30 happens twice; the first one (still summer time) is taken.
    ['2026-10-25', '01:30', 'Europe/London', '2026-10-25T00:30:00.000Z', 'ambiguous'],
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z', 'ambiguous'],
    // Lord Howe moves by 30 minutes.
    ['2026-10-04', '02:15', 'Australia/Lord_Howe', '2026-10-03T15:30:00.000Z', 'gap'],
  ])('%s %s in %s is %s (%s)', (date, time, zone, utc, adjusted) => {
    const parsed = parseTimeOfDay(time);
    if (!parsed.ok) throw new Error('bad fixture');
    const resolved = resolveLocalTime(date, parsed.hour, parsed.minute, zone);
    expect(resolved?.at.toUTC().toISO()).toBe(utc);
    expect(resolved?.adjusted).toBe(adjusted);
  });
});

describe('parseTimeOfDay', () => {
  it.each([
    ['09:00', '09:00'],
    ['9:05', '09:05'],
    ['23:59', '23:59'],
    ['00:00', '00:00'],
  ])('reads %s', (text, time) => {
    expect(parseTimeOfDay(text)).toMatchObject({ ok: true, time });
  });
  it.each(['24:00', '9', '09:60', 'nine', '9am', ''])('rejects %s', (text) => {
    const result = parseTimeOfDay(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/HH:MM/);
  });
});

describe('dueSlots', () => {
  it.each([
    // now, subscription, expected [localDate, UTC due, late]
    [
      '2026-04-24T03:59:00Z',
      sub('09:00', 'Asia/Almaty'),
      [
        ['2026-04-22', '2026-04-22T04:00:00.000Z', true],
        ['2026-04-23', '2026-04-23T04:00:00.000Z', true],
      ],
    ],
    [
      '2026-04-24T04:00:00Z',
      sub('09:00', 'Asia/Almaty'),
      [
        ['2026-04-22', '2026-04-22T04:00:00.000Z', true],
        ['2026-04-23', '2026-04-23T04:00:00.000Z', true],
        ['2026-04-24', '2026-04-24T04:00:00.000Z', false],
      ],
    ],
    // Created yesterday afternoon: nothing before that.
    ['2026-04-24T04:00:00Z', sub('09:00', 'Asia/Almaty', '2026-04-23T12:00:00Z'), [['2026-04-24', '2026-04-24T04:00:00.000Z', false]]],
    // Six hours of grace exactly is still on time; a minute more is late.
    ['2026-04-24T10:00:00Z', sub('09:00', 'Asia/Almaty', '2026-04-24T00:00:00Z'), [['2026-04-24', '2026-04-24T04:00:00.000Z', false]]],
    ['2026-04-24T10:01:00Z', sub('09:00', 'Asia/Almaty', '2026-04-24T00:00:00Z'), [['2026-04-24', '2026-04-24T04:00:00.000Z', true]]],
    // New York 09:00 is 13:00 UTC in April: at 12:00 UTC today's slot is not due yet.
    ['2026-04-24T12:00:00Z', sub('09:00', 'America/New_York', '2026-04-23T00:00:00Z'), [['2026-04-23', '2026-04-23T13:00:00.000Z', true]]],
  ])('at %s', (now, subscription, expected) => {
    const slots = dueSlots(subscription, new Date(now), 6 * HOUR);
    expect(slots.map((slot) => [slot.localDate, iso(slot.dueAt), slot.late])).toEqual(expected);
  });

  it.each([
    [
      'Europe/London',
      '09:00',
      '2026-03-27T00:00:00Z',
      '2026-03-31T00:00:00Z',
      ['2026-03-27T09:00', '2026-03-28T09:00', '2026-03-29T08:00', '2026-03-30T08:00'],
    ],
    [
      'Europe/London',
      '09:00',
      '2026-10-23T00:00:00Z',
      '2026-10-27T00:00:00Z',
      ['2026-10-23T08:00', '2026-10-24T08:00', '2026-10-25T09:00', '2026-10-26T09:00'],
    ],
    [
      'America/New_York',
      '02:30',
      '2026-03-06T00:00:00Z',
      '2026-03-10T00:00:00Z',
      ['2026-03-06T07:30', '2026-03-07T07:30', '2026-03-08T07:00', '2026-03-09T06:30'],
    ],
    [
      'Europe/London',
      '01:30',
      '2026-10-23T00:00:00Z',
      '2026-10-27T00:00:00Z',
      ['2026-10-23T00:30', '2026-10-24T00:30', '2026-10-25T00:30', '2026-10-26T01:30'],
    ],
  ])('in %s at %s, one slot per local date across the DST change', (zone, time, from, to, expected) => {
    // Walk every 10 minutes as a (sparse) cron wake-up would, collecting each slot the first time it is due.
    const seen = new Map<string, string>();
    const subscription = sub(time, zone, from);
    for (let t = Date.parse(from); t <= Date.parse(to); t += 10 * 60_000) {
      for (const slot of dueSlots(subscription, new Date(t), 6 * HOUR))
        if (!seen.has(slot.localDate)) seen.set(slot.localDate, iso(slot.dueAt).slice(0, 16));
    }
    expect([...seen.values()]).toEqual(expected);
  });

  it('gives nothing for an unknown zone', () => {
    expect(dueSlots(sub('09:00', 'Mars/Base'), new Date('2026-04-24T12:00:00Z'))).toEqual([]);
  });
});

describe('nextRunAt', () => {
  it.each([
    ['2026-04-24T03:00:00Z', '09:00', 'Asia/Almaty', '2026-04-24', '2026-04-24 09:00 UTC+05:00', '2026-04-24T04:00:00.000Z'],
    ['2026-04-24T04:00:00Z', '09:00', 'Asia/Almaty', '2026-04-25', '2026-04-25 09:00 UTC+05:00', '2026-04-25T04:00:00.000Z'],
    ['2026-03-28T12:00:00Z', '09:00', 'Europe/London', '2026-03-29', '2026-03-29 09:00 UTC+01:00', '2026-03-29T08:00:00.000Z'],
    ['2026-03-07T12:00:00Z', '02:30', 'America/New_York', '2026-03-08', '2026-03-08 03:00 UTC-04:00', '2026-03-08T07:00:00.000Z'],
  ])('after %s for %s %s', (now, time, zone, localDate, local, utc) => {
    expect(nextRunAt({ time, timezone: zone }, new Date(now))).toMatchObject({ localDate, local, utc });
  });
});

describe('dueSlots after a change', () => {
  it.each([
    // A new time set at 10:00 UTC: today's 08:00 (before the change) is not owed; tomorrow's is.
    ['2026-04-24T10:00:00Z', '2026-04-24T10:30:00Z', []],
    ['2026-04-24T10:00:00Z', '2026-04-25T08:00:00Z', ['2026-04-25']],
    // Changed before today's time: today's slot is owed.
    ['2026-04-24T07:00:00Z', '2026-04-24T08:00:00Z', ['2026-04-24']],
  ])('changed at %s, asked at %s', (updatedAt, now, expected) => {
    const subscription = { time: '08:00', timezone: 'UTC', createdAt: '2026-01-01T00:00:00Z', updatedAt };
    expect(dueSlots(subscription, new Date(now)).map((slot) => slot.localDate)).toEqual(expected);
  });
});
