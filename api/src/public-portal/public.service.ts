// The publicity portal (行政执法公示, 扫码亮证): read-only, no sign-in, and only what may be published
// (DOMAIN.md §4): announced agencies, their power lists, the officer directory (name, agency, post,
// certificate number and validity — no other personal data) and the certificate check.
import { AgencyModel, type AgencyDocument } from '../agencies/agency.model';
import { certificateState } from '../certificates/certificate-validity';
import { CertificateModel } from '../certificates/certificate.model';
import { verifyByToken } from '../certificates/certificate.service';
import { OfficerModel, type OfficerDocument } from '../officers/officer.model';
import { chinaDate } from '../platform/calendar/dates';
import { notFound } from '../platform/errors';
import { listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import { PowerItemModel, type PowerItemDocument } from '../powers/power-item.model';

/** Announced, active enforcement agencies: the only ones the public sees. */
const PUBLISHED_AGENCY = { kind: 'enforcement', active: true, 'qualification.status': 'announced' } as const;

export const publicAgencySpec: ListSpec = {
  resource: 'agencies',
  filters: { category: 'string', subjectType: 'string' },
  paths: { category: 'categories' },
  search: ['name', 'shortName'],
  sortable: ['name'],
  defaultSort: ['name', 'ASC'],
};

export const publicPowerSpec: ListSpec = {
  resource: 'powers',
  filters: { agencyId: 'objectId', category: 'string' },
  search: ['name', 'code', 'legalBasis.law'],
  sortable: ['name', 'code', 'category'],
  defaultSort: ['code', 'ASC'],
};

export const publicOfficerSpec: ListSpec = {
  resource: 'officers',
  filters: { agencyId: 'objectId' },
  search: ['name', 'post'],
  sortable: ['name'],
  defaultSort: ['name', 'ASC'],
};

export function publicAgency(a: AgencyDocument) {
  return {
    id: a.id as string,
    name: a.name,
    shortName: a.shortName,
    county: a.county,
    subjectType: a.subjectType ?? undefined,
    entrustingOrgan: a.entrustingOrgan ?? undefined,
    creditCode: a.creditCode ?? undefined,
    legalBasis: a.legalBasis ?? undefined,
    categories: a.categories,
    address: a.address ?? undefined,
    phone: a.phone ?? undefined,
    publicationDate: a.qualification?.publicationDate ?? undefined,
    announcementRef: a.qualification?.announcementRef ?? undefined,
  };
}

export function publicPower(p: PowerItemDocument | Record<string, unknown>) {
  const r = ('toJSON' in p && typeof p.toJSON === 'function' ? p.toJSON() : p) as Record<string, unknown>;
  return {
    id: r.id, agencyId: r.agencyId, code: r.code, name: r.name, category: r.category, legalBasis: r.legalBasis,
    procedure: r.procedure, timeLimit: r.timeLimit, discretionStandard: r.discretionStandard, remedy: r.remedy,
  };
}

async function publishedAgencyIds(): Promise<string[]> {
  return (await AgencyModel.find(PUBLISHED_AGENCY, { _id: 1 })).map((a) => String(a._id));
}

export async function listPublicAgencies(query: ListQuery) {
  const result = await listRecords(AgencyModel, publicAgencySpec, query, PUBLISHED_AGENCY);
  const docs = await AgencyModel.find({ _id: { $in: result.records.map((r) => (r as { id: string }).id) } });
  const byId = new Map(docs.map((d) => [d.id as string, d]));
  return { ...result, records: result.records.map((r) => publicAgency(byId.get((r as { id: string }).id)!)) };
}

export async function getPublicAgency(id: string) {
  const agency = /^[0-9a-f]{24}$/i.test(id) ? await AgencyModel.findOne({ _id: id, ...PUBLISHED_AGENCY }) : null;
  if (!agency) throw notFound('agency');
  const powers = await PowerItemModel.find({ agencyId: agency._id, active: true }).sort({ category: 1, code: 1, name: 1 }).limit(2000);
  return { ...publicAgency(agency), powers: powers.map(publicPower) };
}

export async function listPublicPowers(query: ListQuery) {
  const ids = await publishedAgencyIds();
  const result = await listRecords(PowerItemModel, publicPowerSpec, query, { agencyId: { $in: ids }, active: true });
  return { ...result, records: result.records.map((r) => publicPower(r as Record<string, unknown>)) };
}

/** The officer directory: active officers of announced agencies with their current certificate. */
export async function listPublicOfficers(query: ListQuery) {
  const agencies = await AgencyModel.find(PUBLISHED_AGENCY);
  const agencyById = new Map(agencies.map((a) => [a.id as string, a]));
  const result = await listRecords(OfficerModel, publicOfficerSpec, query, { agencyId: { $in: [...agencyById.keys()] }, status: 'active' });
  const officerIds = result.records.map((r) => (r as { id: string }).id);
  const certificates = await CertificateModel.find({ officerId: { $in: officerIds }, status: { $ne: 'replaced' } }).sort({ issueDate: -1 });
  const officers = new Map((await OfficerModel.find({ _id: { $in: officerIds } })).map((o) => [o.id as string, o]));
  const today = chinaDate();
  return {
    ...result,
    records: result.records.map((r) => {
      const officer = officers.get((r as { id: string }).id) as OfficerDocument;
      const agency = agencyById.get(String(officer.agencyId))!;
      const current = certificates.find((c) => String(c.officerId) === officer.id && String(c.agencyId) === String(officer.agencyId));
      const state = current ? certificateState({ certificate: current, officer, agency, today }) : 'none';
      return {
        id: officer.id as string,
        name: officer.name,
        agencyId: agency.id as string,
        agencyName: agency.name,
        post: officer.post ?? undefined,
        certificateNumber: current?.number,
        certificateState: state,
        valid: state === 'valid',
      };
    }),
  };
}

export async function checkCertificate(token: string) {
  const found = await verifyByToken(token);
  if (!found) throw notFound('certificate');
  const { certificate, officer, agency, state } = found;
  return {
    valid: state === 'valid',
    state,
    certificateNumber: certificate.number,
    issuer: certificate.issuer,
    expiryDate: certificate.expiryDate,
    officerName: officer?.name ?? '',
    post: officer?.post ?? undefined,
    agencyName: agency?.name ?? '',
    hasPhoto: Boolean(officer?.photo),
    checkedAt: new Date().toISOString(),
  };
}

export async function certificatePhoto(token: string) {
  const found = await verifyByToken(token);
  if (!found?.officer?.photo) throw notFound('record');
  return found.officer.photo;
}
