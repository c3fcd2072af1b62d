import { DateTime } from 'luxon';

export interface ResolvedLocalTime {
  /** The instant the local time stands for. */
  at: DateTime;
  /** `gap`: the time did not exist that day (spring-forward) and was moved to the next valid minute; `ambiguous`: it existed twice and the first was taken. */
  adjusted: 'gap' | 'ambiguous' | null;
}

const MAX_GAP_MINUTES = 24 * 60;

function sameWallTime(at: DateTime, date: { year: number; month: number; day: number }, hour: number, minute: number): boolean {
  return at.year === date.year && at.month === date.month && at.day === date.day && at.hour === hour && at.minute === minute;
}

/**
 * The instant of a local date and time in a zone. luxon moves a non-existent time forward by the
 * size of the gap (02:30 -> 03:30) and takes the later of two ambiguous instants; a digest wants
 * the next valid minute (03:00) and the first occurrence, so both are corrected here.
 */
export function resolveLocalTime(localDate: string, hour: number, minute: number, zone: string): ResolvedLocalTime | undefined {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  const date = { year, month, day };
  const at = DateTime.fromObject({ ...date, hour, minute }, { zone });
  if (!at.isValid) return undefined;
  if (!sameWallTime(at, date, hour, minute)) {
    // Walk the wall clock forward minute by minute until a time that exists; gaps are an hour or less in practice.
    const wall = DateTime.fromObject({ ...date, hour, minute }, { zone: 'UTC' });
    for (let step = 1; step <= MAX_GAP_MINUTES; step++) {
      const next = wall.plus({ minutes: step });
      const candidate = DateTime.fromObject(
        { year: next.year, month: next.month, day: next.day, hour: next.hour, minute: next.minute },
        { zone },
      );
      if (sameWallTime(candidate, next, next.hour, next.minute)) return { at: candidate, adjusted: 'gap' };
    }
    return { at, adjusted: 'gap' };
  }
  let first = at;
  for (const minutes of [30, 60, 120]) {
    const earlier = at.minus({ minutes });
    if (sameWallTime(earlier, date, hour, minute) && earlier < first) first = earlier;
  }
  return { at: first, adjusted: first === at ? null : 'ambiguous' };
}
