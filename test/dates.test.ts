import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber, daysBetween } from '../src/lib/dates.ts';

describe('calendar arithmetic', () => {
  it('counts calendar days, leap days included', () => {
    expect(daysBetween('2021-02-01', '2021-03-01')).toBe(28);
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(daysBetween('2021-01-20', '2021-01-20')).toBe(0);
    expect(daysBetween('2021-12-31', '2022-01-01')).toBe(1);
    expect(daysBetween('2022-01-01', '2021-12-31')).toBe(-1);
  });

  it('turns a date into a day number and back, across leap years and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dateOfDay(dayNumber('2000-02-29') + 1)).toBe('2000-03-01');
    expect(dateOfDay(dayNumber('2100-02-28') + 1)).toBe('2100-03-01');
    for (const d of ['1990-01-01', '2021-06-30', '2024-02-29', '2099-12-28']) expect(dateOfDay(dayNumber(d))).toBe(d);
  });
});
