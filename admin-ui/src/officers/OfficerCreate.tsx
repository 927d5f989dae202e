import { Create } from 'react-admin';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { OfficerForm } from './OfficerForm';

export const OfficerCreate = () => {
    const me = useSessionUser();
    return (
        <Create redirect="show">
            <OfficerForm
                defaultValues={{
                    status: 'active',
                    legalQualification: false,
                    areas: [],
                    // An agency administrator adds officers to their own agency.
                    ...(isCountyWide(me) ? {} : { agencyId: me?.agencyId ?? undefined }),
                }}
            />
        </Create>
    );
};
