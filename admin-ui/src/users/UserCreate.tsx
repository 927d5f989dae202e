import { Create } from 'react-admin';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { UserForm } from './UserForm';

export const UserCreate = () => {
    const me = useSessionUser();
    // An agency administrator creates users in their own agency only.
    const defaultValues = {
        active: true,
        roles: [],
        ...(isCountyWide(me) ? {} : { agencyId: me?.agencyId ?? undefined }),
    };
    return (
        <Create redirect="show">
            <UserForm defaultValues={defaultValues} />
        </Create>
    );
};
