import { describe, expect, it } from 'vitest';
import { addMonths, dueBucket, followUpSchedule } from '../../src/progress/follow-up-schedule.ts';

describe('follow-up schedule (calendar months, end-of-month clamping)', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 3, '2026-11-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 1, '2028-03-29'],
    ['2026-12-31', 6, '2027-06-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
  ])('%s + %i month(s) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('schedules 1, 3, 6 and 12 months after the exit', () => {
    expect(followUpSchedule('2027-08-31')).toEqual([
      { milestone: 1, dueOn: '2027-09-30' },
      { milestone: 3, dueOn: '2027-11-30' },
      { milestone: 6, dueOn: '2028-02-29' },
      { milestone: 12, dueOn: '2028-08-31' },
    ]);
  });

  it('sorts a pending follow-up into overdue, this week, upcoming or later', () => {
    const today = '2026-02-26';
    expect(dueBucket('2026-02-25', today, 30)).toBe('overdue');
    expect(dueBucket('2026-02-26', today, 30)).toBe('this-week');
    expect(dueBucket('2026-03-04', today, 30)).toBe('this-week');
    expect(dueBucket('2026-03-05', today, 30)).toBe('upcoming');
    expect(dueBucket('2026-03-28', today, 30)).toBe('upcoming');
    expect(dueBucket('2026-03-29', today, 30)).toBeNull();
  });
});
