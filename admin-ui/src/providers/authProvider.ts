import { HttpError, type AuthProvider } from 'react-admin';
import { apiHeaders, localiseTransportError } from './httpClient';
import {
    clearSession,
    getSessionUser,
    getToken,
    isTokenExpired,
    normaliseUser,
    saveSession,
    saveSessionUser,
    type SessionUser,
} from './session';

const requestJson = async (url: string, body?: unknown, init: RequestInit = {}) => {
    let response: Response;
    try {
        response = await fetch(url, {
            ...init,
            body: body === undefined ? undefined : JSON.stringify(body),
            headers: apiHeaders(
                body === undefined ? undefined : { 'Content-Type': 'application/json' }
            ),
        });
    } catch (error) {
        throw localiseTransportError(error);
    }
    const text = await response.text();
    let json: unknown;
    try {
        json = text ? JSON.parse(text) : undefined;
    } catch {
        json = undefined;
    }
    if (!response.ok) {
        const message = (json as { message?: unknown } | undefined)?.message;
        throw localiseTransportError(
            new HttpError(typeof message === 'string' ? message : response.statusText, response.status, json)
        );
    }
    return json as Record<string, unknown>;
};

/**
 * The stored user is re-read from GET /api/auth/me once per page load, so that roles and permissions
 * changed by an administrator apply at the next reload, and a token revoked on the server sends the
 * user back to the login page at once. Later calls reuse the same promise.
 */
let verification: Promise<SessionUser> | null = null;

const verifySession = (): Promise<SessionUser> => {
    if (!verification) {
        verification = requestJson('/api/auth/me', undefined, { method: 'GET' })
            .then(json => {
                const user = normaliseUser(json.user);
                saveSessionUser(user);
                return user;
            })
            .catch(error => {
                if (error instanceof HttpError && error.status === 401) {
                    clearSession();
                    verification = null;
                    throw error;
                }
                // Server unreachable or failing: keep working with the stored user; data calls will tell.
                const stored = getSessionUser();
                if (!stored) throw error;
                return stored;
            });
    }
    return verification;
};

const currentUser = async (): Promise<SessionUser | null> => {
    const token = getToken();
    if (!token || isTokenExpired(token)) return null;
    try {
        return await verifySession();
    } catch {
        return null;
    }
};

// react-admin action → the permission suffix the API uses.
const READ_ACTIONS = ['list', 'show', 'export'];
const WRITE_ACTIONS = ['create', 'edit', 'delete', 'clone'];

// Resources every signed-in user has, each their own records: no permission is needed to read them.
const OWN_RESOURCES = ['notifications'];

// Any other action names an API permission of its own: `agencies` + `qualify` → `agencies:qualify`,
// `officers` + `transfer` → `officers:transfer`, `reports` + `list` → `reports:read`.
const CUSTOM_ACTION = /^[a-z]+$/;

// Resources whose API permissions carry other names: the catalog of major decisions (目录清单) is read
// with the reviews and edited with `catalog:write`.
const RESOURCE_PERMISSIONS: Record<string, { read: string; write: string }> = {
    'major-rules': { read: 'reviews:read', write: 'catalog:write' },
};

export const requiredPermission = (resource: string, action: string): string | null => {
    const named = RESOURCE_PERMISSIONS[resource];
    if (READ_ACTIONS.includes(action)) return named?.read ?? `${resource}:read`;
    if (WRITE_ACTIONS.includes(action)) return named?.write ?? `${resource}:write`;
    if (CUSTOM_ACTION.test(action)) return `${resource}:${action}`;
    return null;
};

export const authProvider: AuthProvider = {
    login: async ({ username, password }: { username: string; password: string }) => {
        // 401 (wrong credentials) and 429 (locked out) carry a localised `message` that the login page shows.
        const json = await requestJson('/api/auth/login', { username, password }, { method: 'POST' });
        if (typeof json?.token !== 'string') {
            throw new Error('ra.auth.sign_in_error');
        }
        const user = normaliseUser(json.user);
        saveSession(json.token, user);
        verification = Promise.resolve(user);
    },

    logout: async () => {
        clearSession();
        verification = null;
    },

    checkAuth: async () => {
        const token = getToken();
        if (!token) {
            // Not signed in yet: go to the login page without an error notification.
            throw { message: false };
        }
        if (isTokenExpired(token)) {
            clearSession();
            verification = null;
            // A translation key: react-admin shows it as the reason for landing on the login page.
            throw new Error('ra.notification.logged_out');
        }
        await verifySession().catch(error => {
            if (error instanceof HttpError && error.status === 401) {
                throw new Error('ra.notification.logged_out');
            }
        });
    },

    // 401: the token is missing, expired or revoked → log out. 403 only means "not allowed to do this":
    // stay signed in and let react-admin show the server's message.
    checkError: async (error: { status?: number } | undefined) => {
        if (error?.status === 401) {
            // Requests still in flight when the user signs out also end in 401: no second notification.
            if (!getToken()) throw { message: false };
            // The session is cleared by logout(), which react-admin calls next; clearing it here would
            // make react-admin skip the "session ended" notification (it only notifies signed-in users).
            throw new Error('ra.notification.logged_out');
        }
    },

    getIdentity: async () => {
        const user = (await currentUser()) ?? getSessionUser();
        if (!user) throw new Error('ra.auth.auth_check_error');
        return { ...user, fullName: user.displayName };
    },

    getPermissions: async () => (await currentUser())?.permissions ?? [],

    canAccess: async ({ resource, action }) => {
        // Every signed-in user reads their own notifications (the API's `signedIn` access).
        if (OWN_RESOURCES.includes(resource) && READ_ACTIONS.includes(action)) return !!(await currentUser());
        const permission = requiredPermission(resource, action);
        if (!permission) return false;
        const user = await currentUser();
        return !!user?.permissions.includes(permission);
    },
};
