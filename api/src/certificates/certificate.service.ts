// Enforcement certificates (执法证): issue (a new one replaces the officer's current one, 换证),
// revoke, QR token rotation, and validity as computed by certificate-validity.ts.
import { randomBytes } from 'node:crypto';
import { AgencyModel, type AgencyDocument } from '../agencies/agency.model';
import { config } from '../config';
import { OfficerModel, type OfficerDocument } from '../officers/officer.model';
import { getOfficer } from '../officers/officer.service';
import type { RequestContext } from '../platform/auth/actor';
import { agencyScope, findInScope } from '../platform/auth/agency-scope';
import { diff, recordAudit } from '../platform/audit/audit.service';
import { chinaDate } from '../platform/calendar/dates';
import { AppError, conflict } from '../platform/errors';
import { listRecords, type ListQuery, type ListSpec } from '../platform/http/listing';
import { certificateState, type CertificateState } from './certificate-validity';
import { CertificateModel, type CertificateDocument } from './certificate.model';

export const certificateListSpec: ListSpec = {
  resource: 'certificates',
  filters: { agencyId: 'objectId', officerId: 'objectId', status: 'string', number: 'string', expiryDate: 'string', issueDate: 'string', createdAt: 'date' },
  search: ['number', 'issuer'],
  sortable: ['number', 'issueDate', 'expiryDate', 'status', 'createdAt'],
  defaultSort: ['expiryDate', 'ASC'],
};

export const newQrToken = () => randomBytes(24).toString('base64url');

/** The public address a certificate's QR code opens (扫码亮证). */
export const verifyUrl = (token: string) => `${config().publicBaseUrl}/public/verify/${token}`;

export interface CertificateView extends Record<string, unknown> {
  state: CertificateState;
  valid: boolean;
  officerName?: string;
}

/** Adds the computed state to certificates, loading their officers and agencies in two queries. */
export async function withValidity(certificates: Array<Record<string, unknown>>, today = chinaDate()): Promise<CertificateView[]> {
  const officerIds = [...new Set(certificates.map((c) => String(c.officerId)))];
  const officers = new Map((await OfficerModel.find({ _id: { $in: officerIds } })).map((o) => [o.id as string, o]));
  const agencyIds = [...new Set(certificates.map((c) => String(c.agencyId)))];
  const agencies = new Map((await AgencyModel.find({ _id: { $in: agencyIds } })).map((a) => [a.id as string, a]));
  return certificates.map((c) => {
    const officer = officers.get(String(c.officerId)) ?? null;
    const state = certificateState({
      certificate: c as never,
      officer,
      agency: agencies.get(String(c.agencyId)) ?? null,
      today,
    });
    return { ...c, state, valid: state === 'valid', officerName: officer?.name, verifyUrl: verifyUrl(String(c.qrToken)) };
  });
}

export async function listCertificates(ctx: RequestContext, query: ListQuery) {
  const result = await listRecords(CertificateModel, certificateListSpec, query, agencyScope(ctx.actor!));
  return { ...result, records: await withValidity(result.records as Array<Record<string, unknown>>) };
}

export function findCertificate(ctx: RequestContext, id: string) {
  return findInScope(CertificateModel, ctx.actor!, id, 'certificate');
}

export async function getCertificate(ctx: RequestContext, id: string) {
  const [view] = await withValidity([(await findCertificate(ctx, id)).toJSON()]);
  return view;
}

async function assertNumberFree(number: string, exceptId?: string) {
  const existing = await CertificateModel.findOne({ number }, { _id: 1 });
  if (existing && String(existing._id) !== exceptId) {
    throw conflict('record.duplicate', { entity: 'certificate', field: 'number' }, { number: { key: 'record.duplicate', params: { entity: 'certificate', field: 'number' } } });
  }
}

function assertDates(issueDate: string, expiryDate: string) {
  if (expiryDate <= issueDate) throw new AppError(400, 'certificates.dates', {}, { expiryDate: { key: 'certificates.dates' } });
}

export interface CertificateInput {
  officerId: string;
  number: string;
  issuer: string;
  issueDate: string;
  expiryDate: string;
}

/** Issues a certificate; the officer's current valid certificate, if any, becomes "replaced" (换证). */
export async function issueCertificate(ctx: RequestContext, input: CertificateInput) {
  let officer: OfficerDocument;
  try {
    officer = await getOfficer(ctx, input.officerId);
  } catch {
    throw new AppError(400, 'record.not_found', { entity: 'officer' }, { officerId: { key: 'record.not_found', params: { entity: 'officer' } } });
  }
  if (officer.status !== 'active') throw new AppError(409, 'certificates.officer_inactive', {}, { officerId: { key: 'certificates.officer_inactive' } });
  assertDates(input.issueDate, input.expiryDate);
  await assertNumberFree(input.number);
  const certificate = await CertificateModel.create({ ...input, agencyId: officer.agencyId, status: 'valid', qrToken: newQrToken() });
  const replaced = await CertificateModel.updateMany(
    { officerId: officer._id, status: 'valid', _id: { $ne: certificate._id } },
    { $set: { status: 'replaced', statusReason: `换发新证 ${certificate.number}`, statusChangedAt: new Date() } },
  );
  await recordAudit(ctx, {
    action: 'certificate.issue', entity: 'certificate', entityId: certificate.id, agencyId: String(officer.agencyId),
    changes: diff(undefined, certificate.toJSON(), ['qrToken']), note: replaced.modifiedCount ? `${replaced.modifiedCount} earlier certificate(s) replaced` : undefined,
  });
  return getCertificate(ctx, certificate.id);
}

/** Corrects the data of a certificate that is still in force (typing errors); revoked or replaced ones are history. */
export async function updateCertificate(ctx: RequestContext, id: string, input: Partial<Omit<CertificateInput, 'officerId'>>) {
  const certificate = await findCertificate(ctx, id);
  if (certificate.status !== 'valid') throw new AppError(409, 'certificates.closed');
  const next = { issueDate: input.issueDate ?? certificate.issueDate, expiryDate: input.expiryDate ?? certificate.expiryDate };
  assertDates(next.issueDate, next.expiryDate);
  if (input.number) await assertNumberFree(input.number, certificate.id);
  const before = certificate.toJSON();
  for (const k of ['number', 'issuer', 'issueDate', 'expiryDate'] as const) if (input[k] !== undefined) certificate.set(k, input[k]);
  await certificate.save();
  const changes = diff(before, certificate.toJSON(), ['qrToken']);
  if (changes.length) await recordAudit(ctx, { action: 'certificate.update', entity: 'certificate', entityId: certificate.id, agencyId: String(certificate.agencyId), changes });
  return getCertificate(ctx, certificate.id);
}

export async function revokeCertificate(ctx: RequestContext, id: string, reason: string) {
  const certificate = await findCertificate(ctx, id);
  const updated = await CertificateModel.findOneAndUpdate(
    { _id: certificate._id, status: { $in: ['valid', 'expired'] } },
    { $set: { status: 'revoked', statusReason: reason, statusChangedAt: new Date() } },
    { returnDocument: 'after' },
  );
  if (!updated) throw new AppError(409, 'certificates.closed');
  await recordAudit(ctx, { action: 'certificate.revoke', entity: 'certificate', entityId: certificate.id, agencyId: String(certificate.agencyId), changes: [{ field: 'status', before: certificate.status, after: 'revoked' }], note: reason });
  return getCertificate(ctx, certificate.id);
}

/** A new QR token: codes printed with the old one stop working at once. */
export async function rotateQrToken(ctx: RequestContext, id: string) {
  const certificate = await findCertificate(ctx, id);
  // A revoked or replaced certificate keeps its token: its printed codes must go on saying "invalid".
  if (certificate.status !== 'valid' && certificate.status !== 'expired') throw new AppError(409, 'certificates.closed');
  certificate.qrToken = newQrToken();
  certificate.qrTokenRotatedAt = new Date();
  await certificate.save();
  await recordAudit(ctx, { action: 'certificate.rotate_token', entity: 'certificate', entityId: certificate.id, agencyId: String(certificate.agencyId) });
  return getCertificate(ctx, certificate.id);
}

/** Public check by QR token: everything needed for the 扫码亮证 page, nothing more. */
export async function verifyByToken(token: string): Promise<{ certificate: CertificateDocument; officer: OfficerDocument | null; agency: AgencyDocument | null; state: CertificateState } | undefined> {
  const certificate = await CertificateModel.findOne({ qrToken: token });
  if (!certificate) return undefined;
  const officer = await OfficerModel.findById(certificate.officerId);
  const agency = await AgencyModel.findById(certificate.agencyId);
  const state = certificateState({ certificate, officer, agency, today: chinaDate() });
  return { certificate, officer, agency, state };
}
