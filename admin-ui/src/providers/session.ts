// The signed-in session (token + user) kept in localStorage, shared by the auth provider and the HTTP client.

// Permissions the console has pages or buttons for (api/src/platform/auth/permissions.ts has the full list;
// permissions unknown here still arrive in SessionUser.permissions as plain strings).
export const PERMISSIONS = [
    'agencies:read',
    'agencies:write',
    'agencies:qualify',
    'users:read',
    'users:write',
    'audit:read',
    'powers:read',
    'powers:write',
    'officers:read',
    'officers:write',
    'officers:transfer',
    'certificates:read',
    'certificates:write',
    'reports:read',
    'cases:read',
    'cases:write',
    'cases:transition',
    'cases:reveal',
    'settings:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface SessionUser {
    id: string;
    username: string;
    displayName: string;
    roles: string[];
    agencyId: string | null;
    agencyName: string | null;
    // 'legal_office' | 'enforcement' when the server tells (it decides which roles fit the agency).
    agencyKind: string | null;
    // Server-side permission strings; unknown future strings are kept as they are.
    permissions: string[];
}

const TOKEN_KEY = 'ets.auth.token';
const USER_KEY = 'ets.auth.user';

export const getToken = (): string | null => localStorage.getItem(TOKEN_KEY);

export const getSessionUser = (): SessionUser | null => {
    const raw = localStorage.getItem(USER_KEY);
    if (!raw) return null;
    try {
        return normaliseUser(JSON.parse(raw));
    } catch {
        return null;
    }
};

export const saveSession = (token: string, user: SessionUser): void => {
    localStorage.setItem(TOKEN_KEY, token);
    saveSessionUser(user);
};

export const saveSessionUser = (user: SessionUser): void => {
    localStorage.setItem(USER_KEY, JSON.stringify(user));
};

export const clearSession = (): void => {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
};

// Defensive copy of the `user` object returned by /api/auth/login and /api/auth/me.
export const normaliseUser = (raw: unknown): SessionUser => {
    const u = (raw ?? {}) as Record<string, unknown>;
    const strings = (v: unknown) =>
        Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    return {
        id: String(u.id ?? ''),
        username: String(u.username ?? ''),
        displayName: String(u.displayName ?? u.username ?? ''),
        roles: strings(u.roles),
        agencyId: u.agencyId == null ? null : String(u.agencyId),
        agencyName: u.agencyName == null ? null : String(u.agencyName),
        agencyKind: u.agencyKind == null ? null : String(u.agencyKind),
        permissions: strings(u.permissions),
    };
};

/**
 * True when the token is a JWT whose `exp` claim lies in the past. Tokens that cannot be decoded
 * are left for the server to judge (it answers 401, and checkError logs out).
 */
export const isTokenExpired = (token: string, now = Date.now()): boolean => {
    const payload = token.split('.')[1];
    if (!payload) return false;
    try {
        const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
        const exp = (JSON.parse(json) as { exp?: unknown }).exp;
        return typeof exp === 'number' && exp * 1000 <= now;
    } catch {
        return false;
    }
};

// supervisor (司法局监督人员) sees and manages every agency; everyone else is confined to their own agency.
export const isCountyWide = (user: Pick<SessionUser, 'roles'> | null | undefined): boolean =>
    !!user?.roles.includes('supervisor');
