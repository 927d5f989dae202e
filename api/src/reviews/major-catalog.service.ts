// The agency's catalog of major decisions (目录清单): edited by its administrator (audited), seeded with
// the typical catalog on first use, and the one place a case's draft is determined major or not.
import { AgencyModel } from '../agencies/agency.model';
import type { RequestContext } from '../platform/auth/actor';
import { agencyScope, findInScope, isInScope } from '../platform/auth/agency-scope';
import { diff, recordAudit } from '../platform/audit/audit.service';
import { withKeyLock } from '../platform/database/keyed-lock';
import { AppError, notFound } from '../platform/errors';
import { listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import { MajorRuleModel, type MajorRuleDocument } from './major-catalog.model';
import { DEFAULT_MAJOR_RULES, matchMajorRules, type DraftDecision, type MajorMatch } from './major-determination';

export const catalogListSpec: ListSpec = {
  resource: 'major-rules',
  filters: { agencyId: 'objectId', kind: 'string', active: 'boolean' },
  search: ['name', 'legalBasis'],
  sortable: ['name', 'kind', 'createdAt', 'updatedAt'],
  defaultSort: ['createdAt', 'ASC'],
};

/** The agency's rules; an agency that never edited its catalog starts from the typical one. */
export async function catalogOf(agencyId: string): Promise<MajorRuleDocument[]> {
  return withKeyLock(`major-catalog:${agencyId}`, async () => {
    const rules = await MajorRuleModel.find({ agencyId }).sort({ createdAt: 1, _id: 1 });
    if (rules.length) return rules;
    await MajorRuleModel.insertMany(DEFAULT_MAJOR_RULES.map((r) => ({ ...r, agencyId })));
    return MajorRuleModel.find({ agencyId }).sort({ createdAt: 1, _id: 1 });
  });
}

export async function listCatalog(ctx: RequestContext, query: ListQuery) {
  const actor = ctx.actor!;
  // The scoped agency's catalog exists from its first look.
  if (!actor.roles.includes('supervisor')) await catalogOf(actor.agencyId);
  return listRecords(MajorRuleModel, catalogListSpec, query, agencyScope(actor));
}

export function getRule(ctx: RequestContext, id: string) {
  return findInScope(MajorRuleModel, ctx.actor!, id, 'major_rule');
}

type RuleInput = { name?: string; kind?: string; partyKind?: string; threshold?: number | null; penaltyTypes?: string[]; legalBasis?: string; active?: boolean; agencyId?: string };

function checkRuleShape(rule: RuleInput) {
  const amount = rule.kind === 'fine_at_least' || rule.kind === 'confiscation_at_least';
  if (amount && (rule.threshold == null || rule.threshold <= 0)) {
    throw new AppError(400, 'catalog.threshold_required', {}, { threshold: { key: 'catalog.threshold_required' } });
  }
  if (rule.kind === 'penalty_type' && !rule.penaltyTypes?.length) {
    throw new AppError(400, 'catalog.penalty_types_required', {}, { penaltyTypes: { key: 'catalog.penalty_types_required' } });
  }
}

export async function createRule(ctx: RequestContext, input: RuleInput) {
  const actor = ctx.actor!;
  const agencyId = input.agencyId ?? actor.agencyId;
  if (!isInScope(actor, agencyId) || !(await AgencyModel.exists({ _id: agencyId }))) throw notFound('agency');
  checkRuleShape(input);
  await catalogOf(agencyId);
  const created = await new MajorRuleModel({ ...input, agencyId }).save();
  await recordAudit(ctx, { action: 'major_rule.create', entity: 'major_rule', entityId: created.id, agencyId, changes: diff(undefined, created.toJSON()) });
  return created;
}

export async function updateRule(ctx: RequestContext, id: string, input: RuleInput) {
  const rule = await getRule(ctx, id);
  const before = rule.toJSON();
  rule.set(input);
  checkRuleShape(rule.toObject() as unknown as RuleInput);
  await rule.save();
  const changes = diff(before, rule.toJSON());
  if (changes.length) await recordAudit(ctx, { action: 'major_rule.update', entity: 'major_rule', entityId: rule.id, agencyId: String(rule.agencyId), changes });
  return rule;
}

export async function deleteRule(ctx: RequestContext, id: string) {
  const rule = await getRule(ctx, id);
  await rule.deleteOne();
  await recordAudit(ctx, { action: 'major_rule.delete', entity: 'major_rule', entityId: rule.id, agencyId: String(rule.agencyId), changes: diff(rule.toJSON(), undefined) });
  return rule;
}

/** Whether the draft is major under the agency's catalog now, and which rules say so. */
export async function determineMajor(agencyId: string, draft: DraftDecision): Promise<{ major: boolean; majorReasons: string[]; majorMatches: MajorMatch[] }> {
  const rules = await catalogOf(agencyId);
  const matches = matchMajorRules(draft, rules.map((r) => ({ ...r.toObject(), id: r.id as string })));
  return { major: matches.length > 0, majorReasons: matches.map((m) => `${m.name}（${m.detail}）`), majorMatches: matches };
}
