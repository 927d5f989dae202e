// 行政处罚法 art. 42 / 行政强制法 art. 18: at least two officers with valid enforcement
// qualification (one suffices for the simple procedure); validity is the one rule in certificate-validity.ts.
import mongoose from 'mongoose';
import { AgencyModel } from '../agencies/agency.model';
import { certificateState } from '../certificates/certificate-validity';
import { CertificateModel } from '../certificates/certificate.model';
import { OfficerModel } from '../officers/officer.model';
import { chinaDate } from '../platform/calendar/dates';
import { AppError } from '../platform/errors';

export async function assertCaseOfficers(agencyId: string, officerIds: string[], procedure: 'simple' | 'ordinary'): Promise<void> {
  const min = procedure === 'simple' ? 1 : 2;
  const unique = [...new Set(officerIds)];
  if (unique.length < min) throw new AppError(400, 'cases.officers_count', { min }, { officerIds: { key: 'cases.officers_count', params: { min } } });
  const officers = await OfficerModel.find({ _id: { $in: unique.filter((id) => mongoose.isValidObjectId(id)) }, agencyId });
  const agency = await AgencyModel.findById(agencyId);
  const certificates = await CertificateModel.find({ officerId: { $in: officers.map((o) => o._id) }, status: 'valid' });
  const today = chinaDate();
  for (const id of unique) {
    const officer = officers.find((o) => o.id === id);
    if (!officer) throw new AppError(400, 'cases.officer_not_found', { id }, { officerIds: { key: 'cases.officer_not_found', params: { id } } });
    const states = certificates.filter((c) => String(c.officerId) === id).map((c) => certificateState({ certificate: c, officer, agency, today }));
    if (!states.includes('valid')) {
      const state = states[0] ?? 'none';
      throw new AppError(400, 'cases.officer_invalid', { name: officer.name, state }, { officerIds: { key: 'cases.officer_invalid', params: { name: officer.name, state } } });
    }
  }
}
