import { describe, expect, it } from 'vitest';
import { checkTimeZone, isValidTimeZone, parseIsoDate, todayIn } from '../../../src/core/calendar/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';

describe('parseIsoDate', () => {
  it.each([
    ['2026-04-24', { date: '2026-04-24', year: 2026, month: 4, day: 24 }],
    [' 2024-02-29 ', { date: '2024-02-29', year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { date: '2000-02-29', year: 2000, month: 2, day: 29 }],
    ['2025-12-31', { date: '2025-12-31', year: 2025, month: 12, day: 31 }],
  ])('reads %s', (text, expected) => {
    expect(parseIsoDate(text)).toEqual({ ok: true, ...expected });
  });

  it.each([
    ['2023-02-30', /February 2023 has 28 days/],
    ['2023-02-29', /February 2023 has 28 days/],
    ['1900-02-29', /February 1900 has 28 days/],
    ['2026-04-31', /April 2026 has 30 days/],
    ['2026-13-01', /no month 13/],
    ['2026-00-10', /no month 00/],
    ['2026-04-00', /April 2026 has 30 days/],
    ['24/04/2026', /Use YYYY-MM-DD/],
    ['2026-4-24', /Use YYYY-MM-DD/],
    ['', /Use YYYY-MM-DD/],
  ])('rejects %s with a clear message', (text, message) => {
    const result = parseIsoDate(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe('invalid_date');
      expect(result.problem.message).toMatch(message);
    }
  });
});

describe('time zones', () => {
  it.each([
    ['Asia/Almaty', true],
    ['Europe/London', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('isValidTimeZone(%s) is %s', (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
  });

  it.each([
    ['asia/almaty', 'Asia/Almaty'],
    ['Europe/London', 'Europe/London'],
    ['utc', 'UTC'],
  ])('checkTimeZone(%s) canonicalises to %s', (text, zone) => {
    expect(checkTimeZone(text)).toEqual({ ok: true, timezone: zone });
  });

  it('suggests zones for a bare city and explains unknown ones', () => {
    const city = checkTimeZone('Almaty');
    expect(city.ok).toBe(false);
    if (!city.ok) expect(city.problem.suggestions).toContain('Asia/Almaty');
    const unknown = checkTimeZone('Mars/Base');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problem.message).toMatch(/IANA name such as Europe\/London/);
  });
});

describe('todayIn', () => {
  it.each([
    // 23:30 UTC on 23 April is already 24 April in Almaty (UTC+5) but still 23 April in New York.
    ['2026-04-23T23:30:00Z', 'Asia/Almaty', '2026-04-24'],
    ['2026-04-23T23:30:00Z', 'America/New_York', '2026-04-23'],
    ['2026-04-23T23:30:00Z', 'UTC', '2026-04-23'],
    ['2026-04-24T03:00:00Z', 'America/Los_Angeles', '2026-04-23'],
    ['2026-04-24T11:00:00Z', 'Pacific/Kiritimati', '2026-04-25'],
  ])('at %s in %s is %s', (now, zone, expected) => {
    expect(todayIn(zone, new FakeClock(now))).toBe(expected);
  });
});
