// The one role → permissions table. Each route declares the permission it needs (see http/route.ts).
// Roles are those of DOMAIN.md §1.
export const ROLES = ['officer', 'reviewer', 'dept_head', 'inspector', 'agency_admin', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'agencies:read', 'agencies:write', 'agencies:qualify',
  'users:read', 'users:write',
  'audit:read',
  'powers:read', 'powers:write',
  'officers:read', 'officers:write', 'officers:transfer',
  'certificates:read', 'certificates:write',
  'reports:read',
  'cases:read', 'cases:write', 'cases:transition', 'cases:reveal',
  'settings:write',
  'calendar:write',
  'reviews:read', 'reviews:submit', 'reviews:review', 'reviews:assign', 'reviews:decide',
  'catalog:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const readEnforcementBasics: Permission[] = ['agencies:read', 'powers:read', 'officers:read', 'certificates:read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  officer: [...readEnforcementBasics, 'cases:read', 'cases:write', 'cases:transition', 'cases:reveal', 'reviews:read', 'reviews:submit'],
  // Reviewers review; lead reviewers (named in the agency's settings) also assign, checked by the service.
  reviewer: [...readEnforcementBasics, 'cases:read', 'cases:reveal', 'reviews:read', 'reviews:review', 'reviews:assign'],
  // The head approves extensions and records the collective discussion (集体讨论).
  dept_head: [...readEnforcementBasics, 'users:read', 'reports:read', 'cases:read', 'cases:write', 'cases:transition', 'cases:reveal', 'reviews:read', 'reviews:submit', 'reviews:decide'],
  // Inspectors score closed case files (案卷评查): they read cases, never personal data in clear.
  inspector: [...readEnforcementBasics, 'cases:read'],
  agency_admin: [...readEnforcementBasics, 'users:read', 'users:write', 'audit:read', 'powers:write', 'officers:write', 'certificates:write', 'reports:read', 'cases:read', 'cases:transition', 'settings:write', 'reviews:read', 'reviews:assign', 'catalog:write'],
  // The legal office confirms subjects and moves officers between agencies (换证).
  supervisor: [...readEnforcementBasics, 'agencies:write', 'agencies:qualify', 'users:read', 'users:write', 'audit:read', 'powers:write', 'officers:write', 'officers:transfer', 'certificates:write', 'reports:read', 'cases:read', 'settings:write', 'calendar:write', 'reviews:read'],
};

/**
 * Rank used for "nobody can grant a role above their own". Working roles share the lowest rank;
 * the head of department is above them, the agency administrator above that, the legal office's
 * supervisor above all.
 */
export const roleRank: Record<Role, number> = {
  officer: 1,
  reviewer: 1,
  inspector: 1,
  dept_head: 2,
  agency_admin: 3,
  supervisor: 4,
};

/** Roles that exist only in the county legal office (司法局), and only in enforcement agencies. */
export const legalOfficeRoles: readonly Role[] = ['supervisor', 'inspector'];
export const enforcementAgencyRoles: readonly Role[] = ['officer', 'reviewer', 'dept_head'];

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of rolePermissions[role] ?? []) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}

export function highestRank(roles: readonly Role[]): number {
  return Math.max(0, ...roles.map((r) => roleRank[r] ?? 0));
}

/** Supervisors see every agency; everyone else only their own. */
export function seesAllAgencies(roles: readonly Role[]): boolean {
  return roles.includes('supervisor');
}
