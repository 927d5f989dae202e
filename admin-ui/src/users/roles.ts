// DOMAIN.md §1: who uses the platform.
export const ROLES = [
    'officer', // 执法人员
    'reviewer', // 法制审核人员
    'dept_head', // 机关负责人
    'inspector', // 评查人员
    'agency_admin', // 执法机关管理员
    'supervisor', // 司法局监督人员
] as const;
export type Role = (typeof ROLES)[number];

// Chip colours: distinct hues, white text with enough contrast (WCAG AA) on each.
export const ROLE_COLORS: Record<Role, string> = {
    officer: '#1d4f91',
    reviewer: '#6a1b9a',
    dept_head: '#b34700',
    inspector: '#00695c',
    agency_admin: '#2e7d32',
    supervisor: '#c62828',
};

// Same ranks as the API (api/src/platform/auth/permissions.ts): nobody grants a role above their own.
const ROLE_RANK: Record<Role, number> = {
    officer: 1,
    reviewer: 1,
    inspector: 1,
    dept_head: 2,
    agency_admin: 3,
    supervisor: 4,
};

const rankOf = (roles: readonly string[]) =>
    Math.max(0, ...roles.map(role => ROLE_RANK[role as Role] ?? 0));

/** Roles the signed-in user may hand out. The server enforces the same rule and reports violations. */
export const assignableRoles = (ownRoles: readonly string[]): Role[] => {
    const ceiling = rankOf(ownRoles);
    return ROLES.filter(role => ROLE_RANK[role] <= ceiling);
};

// Roles that exist only in the county legal office, and only in enforcement agencies (same as the API).
const LEGAL_OFFICE_ONLY: readonly Role[] = ['supervisor', 'inspector'];
const ENFORCEMENT_ONLY: readonly Role[] = ['officer', 'reviewer', 'dept_head'];

/** Whether a role can be held in an agency of that kind; any role fits while the kind is unknown. */
export const fitsAgencyKind = (role: Role, kind: string | null | undefined): boolean => {
    if (kind === 'legal_office') return !ENFORCEMENT_ONLY.includes(role);
    if (kind === 'enforcement') return !LEGAL_OFFICE_ONLY.includes(role);
    return true;
};

// Choice names are translation keys; react-admin inputs translate them.
export const roleChoices = (roles: readonly Role[] = ROLES) =>
    roles.map(id => ({ id, name: `app.roles.${id}` }));
