import type { ChipTone } from '../fields/StatusChip';

// 在岗 / 暂停 / 已调出 / 离职. "transferred" is set by a transfer only (the record stays as history).
export const OFFICER_STATUSES = ['active', 'suspended', 'transferred', 'left'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];
export const EDITABLE_OFFICER_STATUSES = ['active', 'suspended', 'left'] as const;

export const OFFICER_STATUS_TONES: Record<OfficerStatus, ChipTone> = {
    active: 'green',
    suspended: 'orange',
    transferred: 'grey',
    left: 'grey',
};

export const officerStatusChoices = (statuses: readonly OfficerStatus[] = OFFICER_STATUSES) =>
    statuses.map(id => ({ id, name: `app.officer_status.${id}` }));
