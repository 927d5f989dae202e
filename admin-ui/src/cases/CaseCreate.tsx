import { Create, Loading, useGetList } from 'react-admin';
import { calendarDate } from '../fields/calendarDate';
import { useSessionUser } from '../providers/useSessionUser';
import { toCaseCreateBody } from './caseBody';
import { CaseForm } from './CaseForm';

/** 立案: numbered by the API in the agency's pattern; the officer filing is assigned by default. */
export const CaseCreate = () => {
    const me = useSessionUser();
    // The filing officer's own officer record, pre-selected among the assigned officers.
    const { data: own, isPending } = useGetList(
        'officers',
        { filter: { userId: me?.id, status: 'active' }, pagination: { page: 1, perPage: 1 } },
        { enabled: !!me?.id }
    );
    if (!me || (isPending && !!me.id)) return <Loading />;
    return (
        <Create redirect="show" transform={toCaseCreateBody} title="app.cases.file_case_title">
            <CaseForm
                defaultValues={{
                    procedure: 'ordinary',
                    filedOn: calendarDate(),
                    penaltyTypes: [],
                    legalBasis: [],
                    parties: [{ kind: 'person' }],
                    officerIds: own?.length ? [String(own[0].id)] : [],
                }}
            />
        </Create>
    );
};
