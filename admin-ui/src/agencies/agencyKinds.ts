export const AGENCY_KINDS = [
    'legal_office', // 司法局（监督机关）: the county legal office, supervision body
    'enforcement', // 行政执法机关
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const agencyKindChoices = AGENCY_KINDS.map(id => ({ id, name: `app.agency_kinds.${id}` }));
