import type { RequestContext } from '../platform/auth/actor';
import { diff, recordAudit } from '../platform/audit/audit.service';
import { withKeyLock } from '../platform/database/keyed-lock';
import { AppError } from '../platform/errors';
import { validator } from '../platform/validation';
import { UserModel } from '../users/user.model';
import { AgencyModel } from './agency.model';
import { AgencySettingsModel, type AgencySettingsDocument } from './agency-settings.model';
import { getAgency } from './agency.service';

/**
 * The default abbreviation in case numbers: the agency's short name without a leading 县, when it is a valid
 * abbreviation (the same rule as the settings write, `common#/$defs/caseAbbreviation`). A short name may be
 * longer than an abbreviation may: then none is set, and the administrator chooses one.
 */
function defaultAbbreviation(shortName: string | undefined): string | undefined {
  const candidate = shortName?.replace(/^县/, '').trim();
  return candidate && validator('common#/$defs/caseAbbreviation')(candidate) ? candidate : undefined;
}

/** The settings of an agency, created with the defaults on first use. */
export async function settingsOf(agencyId: string): Promise<AgencySettingsDocument> {
  const existing = await AgencySettingsModel.findOne({ agencyId });
  if (existing) return existing;
  const agency = await AgencyModel.findById(agencyId);
  try {
    return await AgencySettingsModel.create({ agencyId, caseAbbreviation: defaultAbbreviation(agency?.shortName) });
  } catch (err) {
    // Two first uses at once: the other one created it.
    if ((err as { code?: number }).code === 11000) return (await AgencySettingsModel.findOne({ agencyId }))!;
    throw err;
  }
}

export async function getSettings(ctx: RequestContext, agencyId: string) {
  const agency = await getAgency(ctx, agencyId);
  return settingsOf(agency.id);
}

const editable = [
  'caseAbbreviation', 'caseNumberPattern', 'decisionDeadlineDays', 'decisionWarningDays', 'hearingRequestWorkdays', 'requiredDocuments',
  'reviewTimeLimitWorkdays', 'reviewExtensionWorkdays', 'reviewClockAfterReturn', 'reviewerUserIds', 'leadReviewerUserIds', 'opinionNumberPattern',
  'experiencedReviewerUserIds',
] as const;

export async function updateSettings(ctx: RequestContext, agencyId: string, input: Record<string, unknown> & { version: number }) {
  const settings = await getSettings(ctx, agencyId);
  const set: Record<string, unknown> = {};
  for (const k of editable) if (input[k] !== undefined) set[k] = input[k];
  // The placeholder formatCaseNumber replaces ("{seq}" or "{seq:4}"): anything else would give every case the same number.
  for (const field of ['caseNumberPattern', 'opinionNumberPattern'] as const) {
    if (typeof set[field] === 'string' && !/\{seq(?::\d+)?\}/.test(set[field])) {
      throw new AppError(400, 'settings.pattern_needs_seq', {}, { [field]: { key: 'settings.pattern_needs_seq' } });
    }
  }
  // Reviewers named in the settings must be reviewers of this agency.
  for (const field of ['reviewerUserIds', 'leadReviewerUserIds', 'experiencedReviewerUserIds'] as const) {
    const ids = set[field] as string[] | undefined;
    if (!ids?.length) continue;
    const found = await UserModel.countDocuments({ _id: { $in: ids }, agencyId: settings.agencyId, roles: 'reviewer' });
    if (found !== new Set(ids).size) throw new AppError(400, 'settings.reviewer_not_in_agency', {}, { [field]: { key: 'settings.reviewer_not_in_agency' } });
  }
  const before = settings.toJSON();
  const updated = await withKeyLock(`agency-settings:${settings.id}`, () => AgencySettingsModel.findOneAndUpdate(
    { _id: settings._id, version: input.version },
    { $set: set, $inc: { version: 1 } },
    // The model's bounds are the schema's: a write that slipped past the request schema is still refused (400).
    { returnDocument: 'after', runValidators: true },
  ));
  if (!updated) throw new AppError(409, 'concurrency.stale');
  await recordAudit(ctx, { action: 'agency.settings', entity: 'agency', entityId: agencyId, agencyId, changes: diff(before, updated.toJSON(), ['version']) });
  return updated;
}
