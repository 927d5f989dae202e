// Applies a lifecycle transition: the state machine decides (case-lifecycle.ts), this writes the
// new status, the step's legal date and the history entry in one conditional update on `version`.
import type { RequestContext } from '../platform/auth/actor';
import { recordAudit } from '../platform/audit/audit.service';
import { withKeyLock } from '../platform/database/keyed-lock';
import { AppError, withBody } from '../platform/errors';
import { translate, type Lang } from '../platform/messages';
import { evaluate, type CaseAction } from './case-lifecycle';
import { caseView, lifecycleFacts } from './case-view';
import { HEARING_REQUEST_MIN_WORKDAYS } from '../agencies/agency-settings.model';
import { settingsOf } from '../agencies/agency-settings.service';
import { addWorkdaysNow, currentCalendar } from '../calendar/calendar.service';
import { chinaDate } from '../platform/calendar/dates';
import { addWorkdays } from '../platform/calendar/workdays';
import { CaseModel, type CaseDocument } from './case.model';
import { findCase, majorFields } from './case.service';

export interface TransitionInput {
  action: CaseAction;
  version: number;
  date?: string;
  reason?: string;
}

/** The fields an action sets besides the status. */
async function effects(c: CaseDocument, action: CaseAction, date: string, reason: string | undefined): Promise<Record<string, unknown>> {
  switch (action) {
    case 'notify': {
      // The hearing request window is computed once, when the notice is given, with the calendar version it used.
      const settings = await settingsOf(String(c.agencyId));
      // The law's floor holds even for a setting stored before it was enforced.
      const workdays = Math.max(HEARING_REQUEST_MIN_WORKDAYS, settings.hearingRequestWorkdays);
      const end = await addWorkdaysNow(date, workdays);
      return {
        notifiedOn: date,
        'hearing.windowEndOn': end.date,
        'hearing.windowWorkdays': workdays,
        'hearing.windowCalendarVersion': end.calendarVersion,
        'hearing.windowBasis': `${workdays} workdays (settings version ${settings.version}), calendar ${end.calendarVersion}${end.warnings.length ? ' — ' + end.warnings.join(', ') : ''}`,
      };
    }
    case 'request_hearing': return { 'hearing.requestedOn': date, ...(await majorFields(String(c.agencyId), { ...c.toObject(), hearing: { requestedOn: date } } as never)) };
    case 'waive_hearing': return { 'hearing.waived': true };
    case 'decide':
    case 'decide_on_spot': return { decidedOn: date };
    case 'serve': return { servedOn: date };
    case 'execute': return { executedOn: date };
    case 'close': return { closedOn: date };
    case 'archive': return { archivedOn: date };
    case 'withdraw':
    case 'terminate': return { endReason: reason };
    default: return {};
  }
}

/**
 * After a change of the calendar: the hearing windows still open, computed under an older calendar
 * version, are computed again under the current one (explicit; each change audited on its case).
 */
export async function recomputeHearingWindows(ctx: RequestContext) {
  const cal = await currentCalendar();
  const today = chinaDate();
  const open = await CaseModel.find({ status: 'notified', 'hearing.windowEndOn': { $gte: today }, 'hearing.windowCalendarVersion': { $exists: true, $ne: cal.version } });
  const changed: Array<{ caseId: string; number: string; before: string; after: string }> = [];
  for (const c of open) {
    const hearing = c.hearing!;
    const end = addWorkdays(c.notifiedOn!, hearing.windowWorkdays!, cal);
    const updated = await withKeyLock(`case:${c.id}`, () => CaseModel.findOneAndUpdate(
      { _id: c._id, version: c.version },
      { $set: { 'hearing.windowEndOn': end.date, 'hearing.windowCalendarVersion': end.calendarVersion, 'hearing.windowBasis': `${hearing.windowWorkdays} workdays, recomputed under calendar ${end.calendarVersion}` }, $inc: { version: 1 } },
    ));
    if (!updated) continue;
    await recordAudit(ctx, {
      action: 'case.recompute_hearing_window', entity: 'case', entityId: c.id, agencyId: String(c.agencyId), caseId: c.id,
      changes: [{ field: 'hearing.windowEndOn', before: hearing.windowEndOn, after: end.date }, { field: 'hearing.windowCalendarVersion', before: hearing.windowCalendarVersion, after: end.calendarVersion }],
    });
    if (end.date !== hearing.windowEndOn) changed.push({ caseId: c.id as string, number: c.number, before: hearing.windowEndOn!, after: end.date });
  }
  return { checked: open.length, changed };
}

export async function transitionCase(ctx: RequestContext, id: string, input: TransitionInput, lang: Lang) {
  // A legal review is submitted with its package (POST /api/reviews), never as a bare step.
  if (input.action === 'submit_review') throw new AppError(409, 'cases.submit_through_review', {}, { action: { key: 'cases.submit_through_review' } });
  const c = await findCase(ctx, id);
  return caseView(await applyTransition(ctx, c, input, lang), ctx.actor!, lang);
}

/**
 * Checks `input.action` against the state machine and writes it (with `extra` fields, e.g. the legal
 * review's gate) in one conditional update on `version`. Refusals: 403 when the caller may not act
 * at all, 409 when a precondition does not hold yet or the version is stale.
 */
export async function applyTransition(ctx: RequestContext, c: CaseDocument, input: TransitionInput, lang: Lang, extra: Record<string, unknown> = {}): Promise<CaseDocument> {
  const actor = ctx.actor!;
  const facts = await lifecycleFacts(c, actor, input);
  const result = evaluate(input.action, facts);
  if (!result.allowed) {
    const reasons = result.failures.map((f) => translate(f.key, lang, f.params));
    // Not being allowed to act at all is 403 (whatever else does not hold yet); a precondition that does not hold yet is 409.
    const forbidden = result.failures.some((f) => f.key === 'cases.pre.role' || f.key === 'cases.pre.not_assigned');
    throw withBody(
      new AppError(forbidden ? 403 : 409, 'cases.transition_refused', { action: input.action, reasons: reasons.join(lang === 'zh' ? '；' : '; ') }, {
        action: { en: reasons.join('; '), zh: reasons.join('；') },
      }),
      { failures: result.failures.map((f, i) => ({ key: f.key, params: f.params ?? {}, message: reasons[i] })) },
    );
  }
  const date = facts.input.date;
  const set = { status: result.to, ...(await effects(c, input.action, date, input.reason)), ...extra };
  const updated = await withKeyLock(`case:${c.id}`, () => CaseModel.findOneAndUpdate(
    { _id: c._id, version: input.version, status: c.status },
    {
      $set: set,
      $push: { history: { action: input.action, from: c.status, to: result.to, at: new Date(), date, byUserId: actor.userId, byName: actor.displayName, reason: input.reason } },
      $inc: { version: 1 },
    },
    { returnDocument: 'after' },
  ));
  if (!updated) {
    const current = await findCase(ctx, c.id);
    throw withBody(new AppError(409, 'cases.stale', { version: current.version }), { current: await caseView(current, actor, lang) });
  }
  await recordAudit(ctx, {
    action: `case.${input.action}`, entity: 'case', entityId: c.id, agencyId: String(c.agencyId), caseId: c.id,
    changes: [{ field: 'status', before: c.status, after: result.to }], note: [date, input.reason].filter(Boolean).join(' · '),
  });
  return updated;
}
