import type { RouteSpec } from '../platform/http/route';
import { recomputeDeadlines } from './deadline-recompute';
import { requestContext } from '../platform/http/route';
import { addWorkdaysNow, calendarChanges, importYear, knownYears, setDay, workdaysBetweenNow, yearSchedule } from './calendar.service';

const tag = 'calendar';

export const calendarRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/calendar/add-workdays', tag, access: 'signedIn',
    summary: 'The date N working days after `from` (the day of `from` does not count), with the calendar version and warnings',
    schemas: { query: 'calendar-add-query' }, response: { schema: 'workday-result' },
    handler: async (_req, res) => { res.json(await addWorkdaysNow(res.locals.query.from, Number(res.locals.query.days))); },
  },
  {
    method: 'get', path: '/calendar/workdays-between', tag, access: 'signedIn',
    summary: 'Working days after `from` up to and including `to`',
    schemas: { query: 'calendar-between-query' }, response: { schema: 'workdays-between-result' },
    handler: async (_req, res) => { res.json(await workdaysBetweenNow(res.locals.query.from, res.locals.query.to)); },
  },
  {
    method: 'get', path: '/calendar/years', tag, access: 'signedIn', summary: 'Years whose holiday schedule is known (a year missing here makes deadlines reaching into it carry a warning)',
    response: { schema: 'calendar-years' },
    handler: async (_req, res) => { res.json(await knownYears()); },
  },
  {
    method: 'get', path: '/calendar/years/:year', tag, access: 'signedIn', summary: 'Holidays and adjusted workdays of a year (month grid)',
    schemas: { params: 'year-params' }, response: { schema: 'calendar-year' },
    handler: async (req, res) => { res.json(await yearSchedule(Number(req.params.year))); },
  },
  {
    method: 'put', path: '/calendar/years/:year', tag, access: 'calendar:write', summary: 'Import a year’s announced schedule (replaces that year’s special days; audited)',
    schemas: { params: 'year-params', body: 'calendar-year-import' }, response: { schema: 'calendar-year' },
    handler: async (req, res) => { res.json(await importYear(requestContext(req), Number(req.params.year), req.body)); },
  },
  {
    method: 'post', path: '/calendar/days', tag, access: 'calendar:write', summary: 'Change one day: holiday, working day, ordinary, or back to the packaged schedule (audited)',
    schemas: { body: 'calendar-day' }, response: { schema: 'calendar-day-result', status: 200 },
    handler: async (req, res) => { res.json(await setDay(requestContext(req), req.body)); },
  },
  {
    method: 'post', path: '/calendar/recompute-deadlines', tag, access: 'calendar:write',
    summary: 'Recompute the running deadlines (review clocks, open hearing windows) under the current calendar version (explicit; every change audited)',
    response: { schema: 'deadline-recompute-result', status: 200 },
    handler: async (req, res) => { res.json(await recomputeDeadlines(requestContext(req))); },
  },
  {
    method: 'get', path: '/calendar/changes', tag, access: 'signedIn', summary: 'The legal office’s changes to the calendar, newest first',
    response: { schema: 'calendar-changes' },
    handler: async (_req, res) => { res.json(await calendarChanges()); },
  },
];
