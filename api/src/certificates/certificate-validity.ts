// The one rule for "is this enforcement certificate valid?" (DOMAIN.md §2), used by the console,
// the public certificate check (扫码亮证), the clean-up report and, later, case assignment:
// its status is valid, today is within its dates, its officer is active, and the officer acts for
// the agency that holds the certificate, which must be confirmed and announced.
import { mayEnforce } from '../agencies/qualification';

export type CertificateState =
  | 'valid'
  | 'not_yet_valid'
  | 'expired'
  | 'revoked'
  | 'replaced'
  | 'officer_inactive'
  | 'agency_not_announced';

export interface ValidityInput {
  certificate: { status: string; issueDate: string; expiryDate: string; agencyId: unknown };
  officer: { status: string; agencyId: unknown } | null;
  agency: { kind: string; active: boolean; qualification?: { status?: string | null } | null } | null;
  /** Today in China, YYYY-MM-DD. */
  today: string;
}

export function certificateState({ certificate, officer, agency, today }: ValidityInput): CertificateState {
  if (certificate.status === 'revoked') return 'revoked';
  if (certificate.status === 'replaced') return 'replaced';
  if (certificate.status === 'expired' || today > certificate.expiryDate) return 'expired';
  if (today < certificate.issueDate) return 'not_yet_valid';
  if (!officer || officer.status !== 'active' || String(officer.agencyId) !== String(certificate.agencyId)) return 'officer_inactive';
  if (!agency || !mayEnforce(agency)) return 'agency_not_announced';
  return 'valid';
}

export function isCertificateValid(input: ValidityInput): boolean {
  return certificateState(input) === 'valid';
}
