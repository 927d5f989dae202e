// The one working-day service of the product: the packaged holiday schedule plus the legal office's
// changes (audited, numbered). Every deadline asks here and records the version it used.
import type { RequestContext } from '../platform/auth/actor';
import { recordAudit } from '../platform/audit/audit.service';
import { addCalendarDays, isIsoDate } from '../platform/calendar/dates';
import {
  addWorkdays, buildCalendar, isWorkday, packagedHolidays, packagedWorkdays, workdaysBetween, PACKAGE_VERSION, type CalendarChange, type WorkdayCalendar,
} from '../platform/calendar/workdays';
import { AppError } from '../platform/errors';
import { CalendarChangeModel } from './calendar.model';

let cached: WorkdayCalendar | undefined;
let cachedVersion = -1;

async function latestVersion(): Promise<number> {
  return (await CalendarChangeModel.findOne({}, { version: 1 }).sort({ version: -1 }))?.version ?? 0;
}

/** The calendar in force now (cached until a change is recorded, also by another instance). */
export async function currentCalendar(): Promise<WorkdayCalendar> {
  const version = await latestVersion();
  if (!cached || cachedVersion !== version) {
    cached = buildCalendar((await CalendarChangeModel.find({}).lean()) as CalendarChange[]);
    cachedVersion = version;
  }
  return cached;
}

/** The calendar as it was at a recorded version, to reproduce an old deadline. */
export async function calendarAt(version: string): Promise<WorkdayCalendar> {
  const m = /^chinese-days@[^+]+(?:\+(\d+))?$/.exec(version);
  if (!m) throw new AppError(400, 'calendar.bad_version', { version });
  const upTo = Number(m[1] ?? 0);
  return buildCalendar((await CalendarChangeModel.find({ version: { $lte: upTo } }).lean()) as CalendarChange[]);
}

export async function addWorkdaysNow(from: string, days: number) {
  return addWorkdays(from, days, await currentCalendar());
}

export async function workdaysBetweenNow(from: string, to: string) {
  return workdaysBetween(from, to, await currentCalendar());
}

/** Special days of a year for the month grid: holidays, adjusted workdays, and where each comes from. */
export async function yearSchedule(year: number) {
  const cal = await currentCalendar();
  const changes = await CalendarChangeModel.find({ date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } }).sort({ version: 1 });
  const changedBy = new Map(changes.map((c) => [c.date, c]));
  const days: Array<{ date: string; kind: 'holiday' | 'workday'; name?: string; source: 'package' | 'legal_office'; reason?: string }> = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) {
    const change = changedBy.get(d);
    const name = change?.name ?? (packagedHolidays[d] ?? packagedWorkdays[d])?.split(',')[1];
    if (cal.holidays.has(d)) days.push({ date: d, kind: 'holiday', name, source: change ? 'legal_office' : 'package', reason: change?.reason });
    else if (cal.workdays.has(d)) days.push({ date: d, kind: 'workday', name, source: change ? 'legal_office' : 'package', reason: change?.reason });
  }
  return { year, known: cal.years.has(year), calendarVersion: cal.version, packageVersion: PACKAGE_VERSION, days };
}

/** The years the calendar knows (packaged or imported), for the console's year selector. */
export async function knownYears() {
  const cal = await currentCalendar();
  return { years: [...cal.years].sort((a, b) => a - b), calendarVersion: cal.version, packageVersion: PACKAGE_VERSION };
}

async function appendChange(ctx: RequestContext, change: Omit<CalendarChange, 'version'> & { reason: string }) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const version = (await latestVersion()) + 1;
    try {
      return await CalendarChangeModel.create({ ...change, version, byUserId: ctx.actor!.userId, byName: ctx.actor!.displayName, at: new Date() });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
  throw new AppError(409, 'concurrency.stale');
}

/** Marks one day as a holiday, a working day, or back to the packaged schedule (audited). */
export async function setDay(ctx: RequestContext, input: { date: string; kind: 'holiday' | 'workday' | 'normal' | 'default'; name?: string; reason: string }) {
  const before = isWorkday(input.date, await currentCalendar());
  const change = await appendChange(ctx, input);
  const after = isWorkday(input.date, await currentCalendar());
  await recordAudit(ctx, {
    action: 'calendar.set_day', entity: 'calendar', entityId: input.date,
    changes: [{ field: input.date, before: before ? 'workday' : 'non-working', after: after ? 'workday' : 'non-working' }],
    note: `version ${change.version}: ${input.reason}`,
  });
  return { version: (await currentCalendar()).version, date: input.date, workday: after };
}

/**
 * Imports a year's schedule as announced by the State Council General Office: the listed holidays
 * and adjusted workdays replace whatever the calendar had for that year.
 */
export async function importYear(ctx: RequestContext, year: number, input: { holidays: Array<{ date: string; name?: string }>; workdays: Array<{ date: string; name?: string }>; reason: string }) {
  const inYear = (d: string) => d.startsWith(`${year}-`) && isIsoDate(d);
  const bad = [...input.holidays, ...input.workdays].find((d) => !inYear(d.date));
  if (bad) throw new AppError(400, 'calendar.date_outside_year', { date: bad.date, year }, { days: { key: 'calendar.date_outside_year', params: { date: bad.date, year } } });
  const cal = await currentCalendar();
  // Days special in the current calendar but absent from the announced schedule become ordinary days.
  const wanted = new Map<string, { kind: 'holiday' | 'workday' | 'normal'; name?: string }>();
  for (const d of [...cal.holidays, ...cal.workdays].filter((d) => d.startsWith(`${year}-`))) wanted.set(d, { kind: 'normal' });
  for (const h of input.holidays) wanted.set(h.date, { kind: 'holiday', name: h.name });
  for (const w of input.workdays) wanted.set(w.date, { kind: 'workday', name: w.name });
  for (const [date, { kind, name }] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    await appendChange(ctx, { date, kind, name, reason: input.reason, importedYear: year });
  }
  // An empty schedule still makes the year known.
  if (wanted.size === 0) await appendChange(ctx, { date: `${year}-01-01`, kind: 'default', reason: input.reason, importedYear: year });
  const version = (await currentCalendar()).version;
  await recordAudit(ctx, { action: 'calendar.import_year', entity: 'calendar', entityId: String(year), note: `${input.holidays.length} holidays, ${input.workdays.length} adjusted workdays → ${version}: ${input.reason}` });
  return yearSchedule(year);
}

export async function calendarChanges() {
  return CalendarChangeModel.find({}).sort({ version: -1 }).limit(500);
}
