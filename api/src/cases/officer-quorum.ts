// 行政处罚法 art. 42 / 行政强制法 art. 18: a penalty is imposed by at least two officers holding valid
// enforcement qualification; the one exception is the simple procedure, where the officer decides on the
// spot (art. 51). The rule as data with its legal basis, and one pure check of it, shared by the officers'
// assignment (filing, edits), the decide rules of the lifecycle (certificates as they are on the decision
// date) and the legal review's package.
import type { CertificateState } from '../certificates/certificate-validity';
import type { MessageKey } from '../platform/messages';

export interface LegalBasis {
  law: string;
  article: string;
  /** How a refusal cites it, in each language. */
  zh: string;
  en: string;
}

export interface OfficerQuorumRule {
  min: number;
  basis: LegalBasis;
}

export const OFFICER_QUORUM: Record<'simple' | 'ordinary', OfficerQuorumRule> = {
  ordinary: {
    min: 2,
    basis: { law: '中华人民共和国行政处罚法', article: '第四十二条', zh: '行政处罚法第四十二条', en: 'Administrative Penalty Law art. 42' },
  },
  // 简易程序: "执法人员当场作出" — one officer may decide on the spot.
  simple: {
    min: 1,
    basis: {
      law: '中华人民共和国行政处罚法', article: '第五十一条',
      zh: '行政处罚法第五十一条（简易程序，执法人员当场作出）', en: 'Administrative Penalty Law art. 51 (simple procedure: decided on the spot)',
    },
  },
};

/** An officer of the case with the state of their best certificate on the date looked at. */
export interface OfficerQualification {
  officerId: string;
  name: string;
  /** False when the id is not an officer of the case's agency. */
  found: boolean;
  state: CertificateState | 'none';
  /** The certificate the state is of (the valid one when there is one). */
  certificate?: { number: string; expiryDate: string };
}

export interface QuorumFailure {
  key: MessageKey;
  params: Record<string, string | number>;
}

/**
 * Every assigned officer must hold a valid certificate on `onDate`, and at least the procedure's minimum
 * must: each officer who does not, then the count, as failures naming the legal basis.
 */
export function officerQuorumFailures(officers: readonly OfficerQualification[], procedure: 'simple' | 'ordinary', onDate: string): QuorumFailure[] {
  const rule = OFFICER_QUORUM[procedure];
  const cite = { basisZh: rule.basis.zh, basisEn: rule.basis.en };
  const failures: QuorumFailure[] = [];
  for (const o of officers) {
    if (!o.found) failures.push({ key: 'cases.pre.officer_not_found', params: { id: o.officerId } });
    else if (o.state !== 'valid') failures.push({ key: 'cases.pre.officer_certificate', params: { name: o.name, state: o.state, date: onDate, ...cite } });
  }
  const valid = officers.filter((o) => o.found && o.state === 'valid').length;
  if (valid < rule.min) failures.push({ key: 'cases.pre.officers_quorum', params: { min: rule.min, valid, date: onDate, ...cite } });
  return failures;
}
