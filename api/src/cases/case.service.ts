// Cases: filing, editing (optimistic concurrency on `version`), reading with computed state,
// listing, the audited reveal of personal data, and the timeline built from the audit chain.
import mongoose from 'mongoose';
import { AgencyModel } from '../agencies/agency.model';
import { settingsOf } from '../agencies/agency-settings.service';
import { assertAgencyMayEnforce } from '../agencies/agency.service';
import type { CaseCreate, CaseUpdate } from '../generated/schema-types';
import type { RequestContext } from '../platform/auth/actor';
import { agencyScope, findInScope } from '../platform/auth/agency-scope';
import { AuditEntryModel } from '../platform/audit/audit.model';
import { diff, recordAudit } from '../platform/audit/audit.service';
import { addCalendarDays, chinaDate } from '../platform/calendar/dates';
import { personalHash } from '../platform/crypto/personal-data';
import { withKeyLock } from '../platform/database/keyed-lock';
import { AppError, withBody } from '../platform/errors';
import { badFilter, listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import type { Lang } from '../platform/messages';
import { CLOSED, UNDECIDED } from './case-lifecycle';
import { formatCaseNumber, nextSequence } from './case-numbering';
import { assertCaseOfficers } from './case-officers';
import { revealParty, sealParties, type PartyInput, type StoredParty } from './case-parties';
import { caseView, listViews } from './case-view';
import { OfficerModel } from '../officers/officer.model';
import { CaseModel, type CaseDocument } from './case.model';
import { determineMajor } from '../reviews/major-catalog.service';

export const caseListSpec: ListSpec = {
  resource: 'cases',
  filters: {
    agencyId: 'objectId', status: 'string', category: 'string', procedure: 'string', source: 'string', major: 'boolean',
    officerId: 'objectId', filedOn: 'day', decidedOn: 'day', number: 'string',
  },
  paths: { officerId: 'officerIds' },
  search: ['number', 'cause', 'parties.name'],
  sortable: ['filedOn', 'number', 'status', 'category', 'decidedOn', 'updatedAt', 'createdAt'],
  defaultSort: ['filedOn', 'DESC'],
  custom: {
    // 超期: still undecided after the decision deadline.
    overdue: (value) => {
      if (typeof value !== 'boolean') throw badFilter('overdue');
      const today = chinaDate();
      return value
        ? { status: { $in: UNDECIDED }, 'decisionDeadline.dueOn': { $lt: today } }
        : { $or: [{ status: { $nin: UNDECIDED } }, { 'decisionDeadline.dueOn': { $gte: today } }] };
    },
    // Exact search by a party's ID number, through its keyed hash (the number is never stored in clear).
    partyIdNumber: (value) => {
      if (typeof value !== 'string' || value.length < 15) throw badFilter('partyIdNumber');
      return { 'parties.idNumberHash': personalHash(value) };
    },
  },
};

/** The case fields an update may change; the rest moves only through transitions. */
const EDITABLE = [
  'source', 'cause', 'facts', 'legalBasis', 'discretion', 'fineAmount', 'confiscationAmount', 'penaltyTypes', 'draftDecision', 'beyondDiscretion', 'complex', 'headReferral',
] as const;

/** What a legal review examined (its package, reviews/review.service.ts buildPackage), as case fields. */
const PACKAGE_FIELDS = ['draftDecision', 'facts', 'legalBasis', 'discretion', 'fineAmount', 'confiscationAmount', 'penaltyTypes', 'officerIds'] as const;
/** The gates an approval opened (art. 58). */
const PASSED_GATES = ['approved', 'proceed_by_discussion'];

/** A field's value for comparison: ids as strings, keys sorted, empty values (null, '', [], {}) alike. */
function canonical(value: unknown): string {
  const out = JSON.stringify(value, (_k, x: unknown) => {
    if (x === null || x === '' || (Array.isArray(x) && x.length === 0)) return undefined;
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      const entries = Object.entries(x as Record<string, unknown>).filter(([, y]) => y !== undefined && y !== null && y !== '').sort(([a], [b]) => a.localeCompare(b));
      return entries.length ? Object.fromEntries(entries) : undefined;
    }
    return x;
  });
  return out ?? 'null';
}

/** The package fields an update changes. */
function changedPackageFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return PACKAGE_FIELDS.filter((k) => canonical(before[k]) !== canonical(after[k]));
}

/** 机关负责人交办: only the head of department refers a case for legal review by hand. */
function assertMayRefer(ctx: RequestContext, before: boolean, after: boolean | undefined) {
  if (after !== undefined && after !== before && !ctx.actor!.roles.includes('dept_head')) {
    throw new AppError(403, 'cases.head_referral_only', {}, { headReferral: { key: 'cases.head_referral_only' } });
  }
}

/** The case's draft as the major-decision catalog sees it. */
function draftOf(c: { fineAmount?: number | null; confiscationAmount?: number | null; penaltyTypes?: string[] | null; parties: Array<{ kind: string }>; hearing?: { requestedOn?: string | null } | null; beyondDiscretion?: boolean | null; complex?: boolean | null; headReferral?: boolean | null }) {
  return {
    fineAmount: c.fineAmount, confiscationAmount: c.confiscationAmount, penaltyTypes: c.penaltyTypes, partyKinds: c.parties.map((p) => p.kind),
    hearingHeld: Boolean(c.hearing?.requestedOn), beyondDiscretion: Boolean(c.beyondDiscretion), complex: Boolean(c.complex), headReferral: Boolean(c.headReferral),
  };
}

/** Re-determines whether the case is major (after its draft changed); the fields to store. */
export async function majorFields(agencyId: string, c: Parameters<typeof draftOf>[0]) {
  return determineMajor(agencyId, draftOf(c));
}

/** The filter names a list query uses (none when its filter is not a JSON object). */
function filterNames(query: ListQuery): string[] {
  try {
    const filter: unknown = JSON.parse(query.filter ?? '{}');
    return filter && typeof filter === 'object' && !Array.isArray(filter) ? Object.keys(filter) : [];
  } catch {
    return [];
  }
}

/**
 * 临期: undecided, and the decision deadline within the agency's warning period (each agency has its own),
 * not yet passed. Built per request from the settings of the agencies in the caller's scope.
 */
async function dueSoonFilter(ctx: RequestContext): Promise<(value: unknown) => Record<string, unknown>> {
  const actor = ctx.actor!;
  const agencyIds = actor.roles.includes('supervisor') ? (await AgencyModel.find({}, { _id: 1 })).map((a) => String(a._id)) : [actor.agencyId];
  const today = chinaDate();
  const windows = await Promise.all(agencyIds.map(async (id) => ({
    agencyId: new mongoose.Types.ObjectId(id),
    'decisionDeadline.dueOn': { $gte: today, $lte: addCalendarDays(today, (await settingsOf(id)).decisionWarningDays) },
  })));
  return (value) => {
    if (value !== true) throw badFilter('dueSoon');
    return { status: { $in: UNDECIDED }, $or: windows };
  };
}

export async function listCases(ctx: RequestContext, query: ListQuery) {
  // Only a list that asks for it pays for reading the agencies' warning periods (bad JSON is refused by listRecords).
  const needsDueSoon = filterNames(query).includes('dueSoon');
  const spec = needsDueSoon ? { ...caseListSpec, custom: { ...caseListSpec.custom, dueSoon: await dueSoonFilter(ctx) } } : caseListSpec;
  const result = await listRecords(CaseModel, spec, query, agencyScope(ctx.actor!));
  return { ...result, records: await listViews(result.records as Array<Record<string, unknown>>) };
}

/**
 * An officer works only on the cases assigned to them (editing, written records, personal data); the head
 * of department, the administrator and the legal reviewers work on any case of their agency.
 */
export async function assertActsOnCase(ctx: RequestContext, c: CaseDocument): Promise<void> {
  const actor = ctx.actor!;
  if (actor.roles.some((r) => r !== 'officer')) return;
  const officer = await OfficerModel.findOne({ userId: actor.userId, agencyId: c.agencyId, status: 'active' }, { _id: 1 });
  if (!officer || !c.officerIds.some((o) => String(o) === String(officer._id))) throw new AppError(403, 'cases.pre.not_assigned');
}

export function findCase(ctx: RequestContext, id: string): Promise<CaseDocument> {
  return findInScope(CaseModel, ctx.actor!, id, 'case');
}

export async function getCase(ctx: RequestContext, id: string, lang: Lang) {
  return caseView(await findCase(ctx, id), ctx.actor!, lang);
}

export async function createCase(ctx: RequestContext, input: CaseCreate, lang: Lang) {
  const actor = ctx.actor!;
  const agencyId = actor.agencyId;
  // Only a confirmed and announced agency may enforce, and only in its categories (DOMAIN.md §2).
  await assertAgencyMayEnforce(agencyId);
  const agency = (await AgencyModel.findById(agencyId))!;
  if (!agency.categories.includes(input.category)) {
    throw new AppError(400, 'cases.agency_category', { category: input.category }, { category: { key: 'cases.agency_category', params: { category: input.category } } });
  }
  const filedOn = input.filedOn ?? chinaDate();
  if (filedOn > chinaDate()) throw new AppError(400, 'cases.pre.future_date', {}, { filedOn: { key: 'cases.pre.future_date' } });
  await assertCaseOfficers(agencyId, input.officerIds, input.procedure);
  assertMayRefer(ctx, false, input.headReferral);
  const parties = sealParties(input.parties as PartyInput[], [], filedOn);
  const settings = await settingsOf(agencyId);
  const major = await majorFields(agencyId, { ...input, parties });

  // Every check has passed: only now take the number, so a refused filing leaves no gap.
  const year = Number(filedOn.slice(0, 4));
  const seq = await nextSequence(agencyId, year);
  const number = formatCaseNumber(settings.caseNumberPattern, { abbr: settings.caseAbbreviation ?? agency.shortName, category: input.category, year, seq });
  const created = await CaseModel.create({
    ...Object.fromEntries(EDITABLE.map((k) => [k, input[k as keyof CaseCreate]])),
    agencyId, number, year, seq, ...major,
    category: input.category,
    procedure: input.procedure,
    parties,
    officerIds: input.officerIds,
    filedOn,
    status: 'filed',
    decisionDeadline: {
      dueOn: addCalendarDays(filedOn, settings.decisionDeadlineDays),
      days: settings.decisionDeadlineDays,
      basis: `行政处罚法第六十条 / agency setting decisionDeadlineDays=${settings.decisionDeadlineDays} (settings version ${settings.version})`,
    },
    history: [{ action: 'file', from: 'filed', to: 'filed', at: new Date(), date: filedOn, byUserId: actor.userId, byName: actor.displayName }],
    createdBy: actor.userId,
  });
  await recordAudit(ctx, { action: 'case.create', entity: 'case', entityId: created.id, agencyId, caseId: created.id, changes: diff(undefined, created.toJSON(), ['history', 'version']), note: number });
  return caseView(created, actor, lang);
}

export async function updateCase(ctx: RequestContext, id: string, input: CaseUpdate, lang: Lang) {
  const c = await findCase(ctx, id);
  await assertActsOnCase(ctx, c);
  if (!UNDECIDED.includes(c.status as never) || CLOSED.includes(c.status as never)) {
    throw new AppError(409, 'cases.frozen', { status: c.status });
  }
  // While the legal review examines the submitted package, the case stays as submitted.
  if (c.status === 'legal_review' && c.legalReview?.status === 'pending') throw new AppError(409, 'cases.under_review');
  assertMayRefer(ctx, Boolean(c.headReferral), input.headReferral);
  const set: Record<string, unknown> = {};
  const unset: Record<string, 1> = {};
  for (const k of EDITABLE) {
    const value = input[k as keyof CaseUpdate];
    // null clears an optional field.
    if (value === null) unset[k] = 1;
    else if (value !== undefined) set[k] = value;
  }
  if (input.officerIds) {
    await assertCaseOfficers(String(c.agencyId), input.officerIds, c.procedure as 'simple' | 'ordinary');
    set.officerIds = input.officerIds.map((o) => new mongoose.Types.ObjectId(o));
  }
  if (input.parties) set.parties = sealParties(input.parties as PartyInput[], c.parties as StoredParty[], c.filedOn);
  const draft = { ...c.toObject(), ...set };
  for (const k of Object.keys(unset)) delete draft[k as keyof typeof draft];
  Object.assign(set, await majorFields(String(c.agencyId), draft as never));
  // Art. 58: an approval covers the draft it reviewed. Changing what the review examined after it passed
  // resets the gate to "review required" (the reason kept on the case and in the audit entry): the
  // decision waits for a new round.
  const changed = PASSED_GATES.includes(c.legalReview?.status ?? 'none') ? changedPackageFields(c.toObject(), draft) : [];
  const resetReason = changed.length
    ? `legal review round ${c.legalReview?.round ?? '?'} (${c.legalReview?.opinionNumber ?? c.legalReview?.status}) no longer applies: ${changed.join(', ')} changed after it by ${ctx.actor!.displayName}`
    : undefined;
  if (changed.length) {
    Object.assign(set, { 'legalReview.status': 'review_required', 'legalReview.changedFields': changed, 'legalReview.resetReason': resetReason, 'legalReview.resetAt': new Date() });
  }
  const before = c.toJSON();
  const updated = await withKeyLock(`case:${c.id}`, () => CaseModel.findOneAndUpdate({ _id: c._id, version: input.version }, { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}), $inc: { version: 1 } }, { returnDocument: 'after' }));
  if (!updated) {
    const current = await findCase(ctx, id);
    throw withBody(new AppError(409, 'cases.stale', { version: current.version }), { current: await caseView(current, ctx.actor!, lang) });
  }
  const changes = diff(before, updated.toJSON(), ['version', 'history']);
  if (changes.length) await recordAudit(ctx, { action: 'case.update', entity: 'case', entityId: c.id, agencyId: String(c.agencyId), caseId: c.id, changes, ...(resetReason ? { note: resetReason } : {}) });
  return caseView(updated, ctx.actor!, lang);
}

/** The one way to a party's clear personal data: for roles that need it, and always audited. */
export async function revealPartyData(ctx: RequestContext, caseId: string, partyId: string) {
  const c = await findCase(ctx, caseId);
  await assertActsOnCase(ctx, c);
  const party = (c.parties as StoredParty[]).find((p) => String(p._id) === partyId);
  if (!party) throw new AppError(404, 'record.not_found', { entity: 'record' });
  await recordAudit(ctx, { action: 'case.reveal_personal_data', entity: 'case', entityId: c.id, agencyId: String(c.agencyId), caseId: c.id, note: `party ${party.name} (${partyId})` });
  return revealParty(party);
}

/** The case's timeline: its entries in the audit chain, oldest first. */
export async function caseTimeline(ctx: RequestContext, caseId: string) {
  const c = await findCase(ctx, caseId);
  const entries = await AuditEntryModel.find({ caseId: c._id }).sort({ seq: 1 }).limit(2000);
  return entries.map((e) => ({
    id: e.id as string, seq: e.seq, at: e.at, action: e.action, entity: e.entity, entityId: e.entityId, actorName: e.actorName, note: e.note,
    changes: e.changes,
  }));
}
