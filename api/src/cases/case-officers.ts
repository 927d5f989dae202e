// 行政处罚法 art. 42 / 行政强制法 art. 18 (officer-quorum.ts has the rule): the officers of a case and
// their certificates on a given date; validity is the one rule in certificate-validity.ts.
import mongoose from 'mongoose';
import { AgencyModel } from '../agencies/agency.model';
import { certificateState } from '../certificates/certificate-validity';
import { CertificateModel } from '../certificates/certificate.model';
import { OfficerModel } from '../officers/officer.model';
import { chinaDate } from '../platform/calendar/dates';
import { AppError } from '../platform/errors';
import { OFFICER_QUORUM, officerQuorumFailures, type OfficerQualification } from './officer-quorum';

/** Each officer (of the agency) with the state of their best certificate on `onDate` (YYYY-MM-DD). */
export async function officerQualifications(agencyId: string, officerIds: readonly unknown[], onDate: string): Promise<OfficerQualification[]> {
  const unique = [...new Set(officerIds.map(String))];
  const officers = await OfficerModel.find({ _id: { $in: unique.filter((id) => mongoose.isValidObjectId(id)) }, agencyId });
  const agency = await AgencyModel.findById(agencyId);
  const certificates = await CertificateModel.find({ officerId: { $in: officers.map((o) => o._id) } }).sort({ expiryDate: -1 });
  return unique.map((id) => {
    const officer = officers.find((o) => o.id === id);
    if (!officer) return { officerId: id, name: '', found: false, state: 'none' as const };
    const states = certificates.filter((c) => String(c.officerId) === id).map((c) => ({ c, state: certificateState({ certificate: c, officer, agency, today: onDate }) }));
    const shown = states.find((s) => s.state === 'valid') ?? states[0];
    return {
      officerId: id, name: officer.name, found: true, state: shown?.state ?? ('none' as const),
      ...(shown ? { certificate: { number: shown.c.number, expiryDate: shown.c.expiryDate } } : {}),
    };
  });
}

/** When officers are assigned (filing, edits): the rule today, refused as a field error on officerIds. */
export async function assertCaseOfficers(agencyId: string, officerIds: string[], procedure: 'simple' | 'ordinary'): Promise<void> {
  const { min } = OFFICER_QUORUM[procedure];
  const unique = [...new Set(officerIds)];
  if (unique.length < min) throw new AppError(400, 'cases.officers_count', { min }, { officerIds: { key: 'cases.officers_count', params: { min } } });
  const failure = officerQuorumFailures(await officerQualifications(agencyId, unique, chinaDate()), procedure, chinaDate())[0];
  if (!failure) return;
  const { id, name, state } = failure.params as Record<string, string>;
  if (failure.key === 'cases.pre.officer_not_found') throw new AppError(400, 'cases.officer_not_found', { id }, { officerIds: { key: 'cases.officer_not_found', params: { id } } });
  if (failure.key === 'cases.pre.officer_certificate') throw new AppError(400, 'cases.officer_invalid', { name, state }, { officerIds: { key: 'cases.officer_invalid', params: { name, state } } });
  throw new AppError(400, 'cases.officers_count', { min }, { officerIds: { key: 'cases.officers_count', params: { min } } });
}
