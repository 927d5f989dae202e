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

export const PACKAGE_VERSION = `chinese-days@${packageVersion}`;

export interface CalendarChange {
  version: number;
  date: string;
  kind: 'holiday' | 'workday' | 'normal' | 'default';
  name?: string | null;
  importedYear?: number | null;
}

/** Holiday names by date, as the package ships them. */
export const packagedHolidays = (calendarData as { holidays: Record<string, string> }).holidays;
export const packagedWorkdays = (calendarData as { workdays: Record<string, string> }).workdays;

/**
 * The packaged schedule with the legal office's changes applied in order. A year counts as known
 * when the package has it or the legal office imported it.
 */
export function buildCalendar(changes: readonly CalendarChange[]): WorkdayCalendar {
  const holidays = new Set(Object.keys(packagedHolidays));
  const workdays = new Set(Object.keys(packagedWorkdays));
  const years = new Set([...holidays].map((d) => Number(d.slice(0, 4))));
  let last = 0;
  for (const c of [...changes].sort((a, b) => a.version - b.version)) {
    holidays.delete(c.date);
    workdays.delete(c.date);
    if (c.kind === 'holiday') holidays.add(c.date);
    if (c.kind === 'workday') workdays.add(c.date);
    if (c.kind === 'default' && packagedHolidays[c.date]) holidays.add(c.date);
    if (c.kind === 'default' && packagedWorkdays[c.date]) workdays.add(c.date);
    if (c.importedYear) years.add(c.importedYear);
    last = c.version;
  }
  return { version: last ? `${PACKAGE_VERSION}+${last}` : PACKAGE_VERSION, years, holidays, workdays };
}

let packaged: WorkdayCalendar | undefined;

/** The packaged calendar alone (the calendar service adds the legal office's changes). */
export function workdayCalendar(): WorkdayCalendar {
  packaged ??= buildCalendar([]);
  return packaged;
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
