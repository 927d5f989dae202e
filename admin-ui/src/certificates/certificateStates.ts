import type { ChipTone } from '../fields/StatusChip';

// The recorded status (decisions: revoked, replaced …) and the state computed by the API now
// (api/src/certificates/certificate-validity.ts: the one rule for "is this certificate valid?").
export const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked', 'replaced'] as const;

export const CERTIFICATE_STATES = [
    'valid',
    'not_yet_valid',
    'expired',
    'revoked',
    'replaced',
    'officer_inactive',
    'agency_not_announced',
] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

export const CERTIFICATE_STATE_TONES: Record<CertificateState, ChipTone> = {
    valid: 'green',
    not_yet_valid: 'grey',
    expired: 'red',
    revoked: 'red',
    replaced: 'grey',
    officer_inactive: 'orange',
    agency_not_announced: 'orange',
};

export const certificateStatusChoices = CERTIFICATE_STATUSES.map(id => ({
    id,
    name: `app.certificate_status.${id}`,
}));
