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
import { CaseModel, type CaseDocument } from './case.model';

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
const EDITABLE = ['source', 'cause', 'facts', 'legalBasis', 'discretion', 'fineAmount', 'confiscationAmount', 'penaltyTypes', 'major', 'majorReasons'] as const;

export async function listCases(ctx: RequestContext, query: ListQuery) {
  const result = await listRecords(CaseModel, caseListSpec, query, agencyScope(ctx.actor!));
  return { ...result, records: await listViews(result.records as Array<Record<string, unknown>>) };
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
  const parties = sealParties(input.parties as PartyInput[], [], filedOn);
  const settings = await settingsOf(agencyId);

  // Every check has passed: only now take the number, so a refused filing leaves no gap.
  const year = Number(filedOn.slice(0, 4));
  const seq = await nextSequence(agencyId, year);
  const number = formatCaseNumber(settings.caseNumberPattern, { abbr: settings.caseAbbreviation ?? agency.shortName, category: input.category, year, seq });
  const created = await CaseModel.create({
    ...Object.fromEntries(EDITABLE.map((k) => [k, input[k as keyof CaseCreate]])),
    agencyId, number, year, seq,
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
  if (!UNDECIDED.includes(c.status as never) || CLOSED.includes(c.status as never)) {
    throw new AppError(409, 'cases.frozen', { status: c.status });
  }
  const set: Record<string, unknown> = {};
  for (const k of EDITABLE) if (input[k as keyof CaseUpdate] !== undefined) set[k] = input[k as keyof CaseUpdate];
  if (input.officerIds) {
    await assertCaseOfficers(String(c.agencyId), input.officerIds, c.procedure as 'simple' | 'ordinary');
    set.officerIds = input.officerIds.map((o) => new mongoose.Types.ObjectId(o));
  }
  if (input.parties) set.parties = sealParties(input.parties as PartyInput[], c.parties as StoredParty[], c.filedOn);
  const before = c.toJSON();
  const updated = await withKeyLock(`case:${c.id}`, () => CaseModel.findOneAndUpdate({ _id: c._id, version: input.version }, { $set: set, $inc: { version: 1 } }, { returnDocument: 'after' }));
  if (!updated) {
    const current = await findCase(ctx, id);
    throw withBody(new AppError(409, 'cases.stale', { version: current.version }), { current: await caseView(current, ctx.actor!, lang) });
  }
  const changes = diff(before, updated.toJSON(), ['version', 'history']);
  if (changes.length) await recordAudit(ctx, { action: 'case.update', entity: 'case', entityId: c.id, agencyId: String(c.agencyId), caseId: c.id, changes });
  return caseView(updated, ctx.actor!, lang);
}

/** The one way to a party's clear personal data: for roles that need it, and always audited. */
export async function revealPartyData(ctx: RequestContext, caseId: string, partyId: string) {
  const c = await findCase(ctx, caseId);
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
