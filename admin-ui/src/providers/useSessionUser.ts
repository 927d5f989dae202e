import { useGetIdentity } from 'react-admin';
import { getSessionUser, normaliseUser, type SessionUser } from './session';

/** The signed-in user (roles, agency, permissions) as last confirmed by the server. */
export const useSessionUser = (): SessionUser | null => {
    const { identity } = useGetIdentity();
    return identity ? normaliseUser(identity) : getSessionUser();
};
