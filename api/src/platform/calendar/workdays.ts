// Working days (工作日), DOMAIN.md §8: China's holidays and adjusted workdays (调休) are data
// announced each year, never a formula. The data comes from the maintained package chinese-days;
// a year it does not cover is reported, never silently treated as "weekends only".
// Counting follows the law: the day of the event is not counted; only working days after it count,
// so a period cannot end on a non-working day.
import calendarData from 'chinese-days/dist/chinese-days.json';
import { addCalendarDays } from './dates';

const packageVersion = (require('chinese-days/package.json') as { version: string }).version;

export interface WorkdayCalendar {
  /** Recorded with every computed deadline so it stays reproducible. */
  version: string;
  /** Years for which the holiday schedule is known. */
  years: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休上班). */
  workdays: ReadonlySet<string>;
}

export interface WorkdayResult {
  date: string;
  calendarVersion: string;
  /** e.g. "calendar_year_missing:2027" when the count crossed a year without data. */
  warnings: string[];
}

function packagedCalendar(): WorkdayCalendar {
  const data = calendarData as { holidays: Record<string, string>; workdays: Record<string, string> };
  const holidays = new Set(Object.keys(data.holidays));
  const workdays = new Set(Object.keys(data.workdays));
  const years = new Set([...holidays].map((d) => Number(d.slice(0, 4))));
  return { version: `chinese-days@${packageVersion}`, years, holidays, workdays };
}

let current: WorkdayCalendar | undefined;

/** The calendar in force (the packaged one until the supervisor's own data takes over). */
export function workdayCalendar(): WorkdayCalendar {
  current ??= packagedCalendar();
  return current;
}

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isWorkday(date: string, cal: WorkdayCalendar = workdayCalendar()): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/** The date `days` working days after `from` (the day of `from` itself does not count). */
export function addWorkdays(from: string, days: number, cal: WorkdayCalendar = workdayCalendar()): WorkdayResult {
  const missing = new Set<number>();
  let date = from;
  let counted = 0;
  while (counted < days) {
    date = addCalendarDays(date, 1);
    if (!cal.years.has(Number(date.slice(0, 4)))) missing.add(Number(date.slice(0, 4)));
    if (isWorkday(date, cal)) counted++;
  }
  return { date, calendarVersion: cal.version, warnings: [...missing].map((y) => `calendar_year_missing:${y}`) };
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workdaysBetween(from: string, to: string, cal: WorkdayCalendar = workdayCalendar()): { workdays: number; calendarVersion: string; warnings: string[] } {
  const missing = new Set<number>();
  let count = 0;
  for (let date = addCalendarDays(from, 1); date <= to; date = addCalendarDays(date, 1)) {
    if (!cal.years.has(Number(date.slice(0, 4)))) missing.add(Number(date.slice(0, 4)));
    if (isWorkday(date, cal)) count++;
  }
  return { workdays: count, calendarVersion: cal.version, warnings: [...missing].map((y) => `calendar_year_missing:${y}`) };
}
