// The enforcement-subject qualification workflow (主体资格确认和公告), DOMAIN.md §2:
// pending → confirmed (with its basis) → announced (publication date); suspended or revoked with a
// reason. Only a confirmed, announced and active agency may enforce (open cases).
import type { QualificationStatus } from './agency.model';

export const QUALIFICATION_ACTIONS = ['confirm', 'announce', 'suspend', 'reinstate', 'revoke'] as const;
export type QualificationAction = (typeof QUALIFICATION_ACTIONS)[number];

export const qualificationTransitions: Record<QualificationAction, { from: QualificationStatus[]; to: QualificationStatus | 'previous' }> = {
  confirm: { from: ['pending'], to: 'confirmed' },
  announce: { from: ['confirmed'], to: 'announced' },
  suspend: { from: ['confirmed', 'announced'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'previous' },
  revoke: { from: ['pending', 'confirmed', 'announced', 'suspended'], to: 'revoked' },
};

/** The actions possible from a status (the console offers only these buttons). */
export function allowedQualificationActions(status: QualificationStatus): QualificationAction[] {
  return QUALIFICATION_ACTIONS.filter((a) => qualificationTransitions[a].from.includes(status));
}

/** The one rule for "may this agency enforce?" (used by cases, certificates and the public portal). */
export function mayEnforce(agency: { kind: string; active: boolean; qualification?: { status?: string | null } | null }): boolean {
  return agency.kind === 'enforcement' && agency.active && agency.qualification?.status === 'announced';
}
