import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../../src/core/calendar/index.js';

const TODAY = '2026-04-24';

describe('parseDateInput', () => {
  it.each([
    ['2025-04-24', '2025-04-24'],
    ['04-24', '2026-04-24'],
    ['4-24', '2026-04-24'],
    ['today', '2026-04-24'],
    ['Today', '2026-04-24'],
    ['tomorrow', '2026-04-25'],
    ['yesterday', '2026-04-23'],
    ['24 April', '2026-04-24'],
    ['April 24', '2026-04-24'],
    ['24 Apr', '2026-04-24'],
    ['Apr 24', '2026-04-24'],
    ['apr. 24', '2026-04-24'],
    ['24th April', '2026-04-24'],
    ['April 24, 2025', '2025-04-24'],
    ['24 April 2025', '2025-04-24'],
    ['  16   June ', '2026-06-16'],
    ['Sept 3', '2026-09-03'],
    ['1 Jan', '2026-01-01'],
    ['29 February 2024', '2024-02-29'],
  ])('reads %j as %s', (text, date) => {
    const result = parseDateInput(text, TODAY);
    expect(result.ok && result.date).toBe(date);
  });

  it('crosses month and year ends for tomorrow and yesterday', () => {
    expect(parseDateInput('tomorrow', '2026-12-31')).toMatchObject({ ok: true, date: '2027-01-01' });
    expect(parseDateInput('yesterday', '2024-03-01')).toMatchObject({ ok: true, date: '2024-02-29' });
  });

  it.each([
    ['31 April', /April has at most 30 days/],
    ['04-31', /April has at most 30 days/],
    ['13-01', /not a month/],
    ['Smarch 3', /“Smarch” is not a month/],
    ['02-29', /2026 has no 29 February/],
    ['29 February 2023', /2023 has no 29 February/],
    ['2023-02-30', /February 2023 has 28 days/],
    ['next week', /not a date I can read. Try 2025-04-24, 04-24, 24 April, April 24, today/],
    ['', /not a date I can read/],
  ])('rejects %j with a message that says what works', (text, message) => {
    const result = parseDateInput(text, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe('invalid_date');
      expect(result.problem.message).toMatch(message);
    }
  });
});
