// The legal review clock (DOMAIN.md §6, §8) on the State Council's 2026 schedule (as shipped in
// chinese-days): 5 working days from receipt across the National Day holiday, restart or resume after a
// return for supplement, an approved extension, and the due state the queue shows.
import { workdayCalendar } from '../../api/src/platform/calendar/workdays';
import { dueState, extendClock, pauseClock, resumeClock, startClock } from '../../api/src/reviews/review-clock';

const cal = workdayCalendar();
const restart = { limitWorkdays: 5, clockAfterReturn: 'restart' as const };
const resume = { limitWorkdays: 5, clockAfterReturn: 'resume' as const };

test('received on Wed 2026-09-30: the holiday 10-01…10-07 does not count, the adjusted Saturday 10-10 does', () => {
  // 10-08 (Thu) 1, 10-09 (Fri) 2, 10-10 (Sat, 调休) 3, 10-12 (Mon) 4, 10-13 (Tue) 5.
  expect(startClock('2026-09-30', restart, cal)).toMatchObject({ receivedOn: '2026-09-30', dueOn: '2026-10-13', usedWorkdays: 0, warnings: [] });
});

test('returned after 3 working days, resubmitted a week later: restart gives 5 again, resume the 2 that were left', () => {
  const started = startClock('2026-11-16', restart, cal); // Mon → due Mon 11-23
  expect(started.dueOn).toBe('2026-11-23');
  const paused = pauseClock(started, '2026-11-19', cal); // Tue, Wed, Thu used
  expect(paused).toMatchObject({ usedWorkdays: 3, pausedOn: '2026-11-19' });
  expect(dueState(paused, '2026-11-30', cal)).toEqual({ state: 'paused', remainingWorkdays: null });

  expect(resumeClock(paused, '2026-11-26', restart, 0, cal)).toMatchObject({ periodStartOn: '2026-11-26', usedWorkdays: 0, dueOn: '2026-12-03', pausedOn: null });
  expect(resumeClock(paused, '2026-11-26', resume, 0, cal)).toMatchObject({ periodStartOn: '2026-11-26', usedWorkdays: 3, dueOn: '2026-11-30', pausedOn: null });
  // An approved extension counts in what is left.
  expect(resumeClock(paused, '2026-11-26', resume, 3, cal).dueOn).toBe('2026-12-03');
});

test('resume never leaves less than one working day after the resubmission', () => {
  const paused = pauseClock(startClock('2026-11-02', resume, cal), '2026-11-20', cal);
  expect(paused.usedWorkdays).toBe(14);
  expect(resumeClock(paused, '2026-11-26', resume, 0, cal).dueOn).toBe('2026-11-27');
});

test('an approved extension moves the due date by its working days; a due date in a year without a schedule says so', () => {
  const clock = startClock('2026-11-23', restart, cal); // due Mon 11-30
  expect(extendClock(clock, 3, cal)).toMatchObject({ dueOn: '2026-12-03', warnings: [] });
  // The packaged data ends with 2026 (2027's schedule is published late in 2026): receipt on 12-28 reaches into 2027.
  const withoutNextYear = { ...cal, years: new Set([...cal.years].filter((y) => y < 2027)) };
  const late = startClock('2026-12-28', restart, withoutNextYear);
  expect(late).toMatchObject({ dueOn: '2027-01-04', warnings: ['calendar_year_missing:2027'] });
  expect(extendClock(late, 3, withoutNextYear).warnings).toEqual(['calendar_year_missing:2027']);
});

test('due states: on time, due soon (one working day left), overdue (negative working days), done, done late', () => {
  const clock = startClock('2026-11-16', restart, cal); // due Mon 11-23
  expect(dueState(clock, '2026-11-17', cal)).toEqual({ state: 'on_time', remainingWorkdays: 4 });
  // Friday 11-20: Monday is one working day away.
  expect(dueState(clock, '2026-11-20', cal)).toEqual({ state: 'due_soon', remainingWorkdays: 1 });
  expect(dueState(clock, '2026-11-23', cal)).toEqual({ state: 'due_soon', remainingWorkdays: 0 });
  expect(dueState(clock, '2026-11-26', cal)).toEqual({ state: 'overdue', remainingWorkdays: -3 });
  expect(dueState({ ...clock, completedOn: '2026-11-23' }, '2026-11-26', cal)).toEqual({ state: 'done', remainingWorkdays: null });
  expect(dueState({ ...clock, completedOn: '2026-11-24' }, '2026-11-26', cal)).toEqual({ state: 'done_late', remainingWorkdays: null });
});
