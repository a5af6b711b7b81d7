import { type Milestone, milestones } from '../schemas/followup-api.ts';

/**
 * Calendar arithmetic of follow-ups, on `YYYY-MM-DD` strings (no time zone: a date is a day).
 * A month later is the same day of the month, clamped to the month's last day: 31 January + 1
 * month = 28 February (29 in a leap year); 29 February + 12 months = 28 February.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The UTC day of a time in milliseconds. */
export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The follow-ups of an exit on `leftOn`: one at 1, 3, 6 and 12 months. */
export function followUpSchedule(leftOn: string): { milestone: Milestone; dueOn: string }[] {
  return milestones.map((milestone) => ({ milestone, dueOn: addMonths(leftOn, milestone) }));
}

/** Where a pending follow-up falls for the due list, or null when further than `days` ahead. */
export function dueBucket(dueOn: string, today: string, days: number): 'overdue' | 'this-week' | 'upcoming' | null {
  if (dueOn < today) return 'overdue';
  if (dueOn <= addDays(today, 6)) return 'this-week';
  if (dueOn <= addDays(today, days)) return 'upcoming';
  return null;
}
