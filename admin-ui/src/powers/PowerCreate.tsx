import { Create } from 'react-admin';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { cleanLegalBasis, PowerForm } from './PowerForm';

export const PowerCreate = () => {
    const me = useSessionUser();
    return (
        <Create redirect="show" transform={cleanLegalBasis}>
            <PowerForm
                defaultValues={{
                    active: true,
                    legalBasis: [{ law: '', article: '' }],
                    // An agency administrator's items go to their own agency's list.
                    ...(isCountyWide(me) ? {} : { agencyId: me?.agencyId ?? undefined }),
                }}
            />
        </Create>
    );
};
