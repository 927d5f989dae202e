// The review clock in working days (DOMAIN.md §6, §8), as pure functions over a calendar: the due date
// at receipt, after a return for supplement (restart or resume, per agency), after an approved
// extension, and the state the queue shows.
import { addWorkdays, workdaysBetween, type WorkdayCalendar } from '../platform/calendar/workdays';

export interface ClockRules {
  limitWorkdays: number;
  clockAfterReturn: 'restart' | 'resume';
}

export interface ClockState {
  receivedOn: string;
  periodStartOn: string;
  usedWorkdays: number;
  dueOn: string;
  calendarVersion: string;
  warnings: string[];
  pausedOn?: string | null;
  completedOn?: string | null;
}

/** Working days granted in total: the limit plus an approved extension. */
export const allowance = (rules: ClockRules, extensionWorkdays: number) => rules.limitWorkdays + extensionWorkdays;

/** The clock when the complete package is received on `on` (that day itself is not counted). */
export function startClock(on: string, rules: ClockRules, cal: WorkdayCalendar): ClockState {
  const due = addWorkdays(on, rules.limitWorkdays, cal);
  return { receivedOn: on, periodStartOn: on, usedWorkdays: 0, dueOn: due.date, calendarVersion: due.calendarVersion, warnings: due.warnings };
}

/** Returned for supplement on `on`: the clock stops; the working days used so far are kept. */
export function pauseClock(clock: ClockState, on: string, cal: WorkdayCalendar): ClockState {
  const used = workdaysBetween(clock.periodStartOn, on, cal).workdays;
  return { ...clock, usedWorkdays: clock.usedWorkdays + used, pausedOn: on };
}

/**
 * The supplemented package is received again on `on`. "restart": the full allowance again from that
 * day; "resume": only what was left when the file was returned (at least the day of receipt's next working day).
 */
export function resumeClock(clock: ClockState, on: string, rules: ClockRules, extensionWorkdays: number, cal: WorkdayCalendar): ClockState {
  const total = allowance(rules, extensionWorkdays);
  const restart = rules.clockAfterReturn === 'restart';
  const remaining = restart ? total : Math.max(1, total - clock.usedWorkdays);
  const due = addWorkdays(on, remaining, cal);
  return {
    ...clock, periodStartOn: on, usedWorkdays: restart ? 0 : clock.usedWorkdays, dueOn: due.date, calendarVersion: due.calendarVersion,
    warnings: due.warnings, pausedOn: null,
  };
}

/** An approved extension moves the due date by `workdays` working days. */
export function extendClock(clock: ClockState, workdays: number, cal: WorkdayCalendar): ClockState {
  const due = addWorkdays(clock.dueOn, workdays, cal);
  return { ...clock, dueOn: due.date, calendarVersion: due.calendarVersion, warnings: [...new Set([...clock.warnings, ...due.warnings])] };
}

/**
 * The running clock's due date under another calendar (after the legal office changed it): the same
 * allowance counted again from the start of the current period. A stopped or finished clock stays as it is.
 */
export function recomputeClock(clock: ClockState, rules: ClockRules, extensionWorkdays: number, cal: WorkdayCalendar): ClockState {
  if (clock.pausedOn || clock.completedOn) return clock;
  const total = allowance(rules, extensionWorkdays);
  const due = addWorkdays(clock.periodStartOn, clock.usedWorkdays > 0 ? Math.max(1, total - clock.usedWorkdays) : total, cal);
  return { ...clock, dueOn: due.date, calendarVersion: due.calendarVersion, warnings: due.warnings };
}

export type DueState = 'on_time' | 'due_soon' | 'overdue' | 'paused' | 'done' | 'done_late';

/**
 * What the queue shows. Due soon: at most one working day left (the reminder goes out then);
 * remaining working days are negative once overdue.
 */
export function dueState(clock: ClockState, today: string, cal: WorkdayCalendar): { state: DueState; remainingWorkdays: number | null } {
  if (clock.completedOn) return { state: clock.completedOn > clock.dueOn ? 'done_late' : 'done', remainingWorkdays: null };
  if (clock.pausedOn) return { state: 'paused', remainingWorkdays: null };
  if (today > clock.dueOn) return { state: 'overdue', remainingWorkdays: -workdaysBetween(clock.dueOn, today, cal).workdays };
  const remaining = workdaysBetween(today, clock.dueOn, cal).workdays;
  return { state: remaining <= 1 ? 'due_soon' : 'on_time', remainingWorkdays: remaining };
}
