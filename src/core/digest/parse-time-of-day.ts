import type { Outcome } from '../user-error.js';
import { digestMessages } from './digest-messages.js';

/** Reads a 24-hour time of day (`9:00`, `09:00`) into canonical `HH:MM`. */
export function parseTimeOfDay(text: string): Outcome<{ time: string; hour: number; minute: number }> {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59)
    return { ok: false, problem: { code: 'invalid_time', message: digestMessages.badTimeOfDay(text.trim()) } };
  return { ok: true, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, hour, minute };
}
