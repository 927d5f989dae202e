import {
    DataTable,
    EditButton,
    List,
    NullableBooleanInput,
    ReferenceField,
    SearchInput,
    SelectInput,
    useCanAccess,
    useRecordContext,
} from 'react-admin';
import { EnforcementAgencyInput } from '../agencies/EnforcementAgencyInput';
import { StatusField } from '../fields/StatusField';
import { StringChipsField } from '../fields/StringChipsField';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { LegalQualificationField } from './LegalQualificationField';
import { OFFICER_STATUS_TONES, officerStatusChoices } from './officerStatuses';

const useOfficerFilters = () => {
    const me = useSessionUser();
    return [
        <SearchInput key="q" source="q" alwaysOn />,
        <SelectInput key="status" source="status" choices={officerStatusChoices()} alwaysOn />,
        ...(isCountyWide(me) ? [<EnforcementAgencyInput key="agencyId" source="agencyId" alwaysOn helperText={false} />] : []),
        <NullableBooleanInput
            key="legalQualification"
            source="legalQualification"
            alwaysOn
            trueLabel="app.officers.legal_qualification_yes"
            falseLabel="app.officers.legal_qualification_no"
            nullLabel="app.status.any"
        />,
    ];
};

// A transferred record is history: no edit button.
const EditIfOpen = () => {
    const record = useRecordContext();
    return record?.status === 'transferred' ? null : <EditButton />;
};

export const OfficerList = () => {
    const me = useSessionUser();
    const filters = useOfficerFilters();
    const { canAccess: canEdit } = useCanAccess({ resource: 'officers', action: 'edit' });
    return (
        <List sort={{ field: 'name', order: 'ASC' }} perPage={25} filters={filters} exporter={false}>
            <DataTable rowClick="show" bulkActionButtons={false}>
                <DataTable.Col source="name" />
                <DataTable.Col source="post" />
                {isCountyWide(me) ? (
                    <DataTable.Col source="agencyId">
                        <ReferenceField source="agencyId" reference="agencies" link={false} />
                    </DataTable.Col>
                ) : null}
                <DataTable.Col source="areas" disableSort field={StringChipsField} />
                <DataTable.Col source="legalQualification" disableSort field={LegalQualificationField} />
                <DataTable.Col source="status">
                    <StatusField source="status" tones={OFFICER_STATUS_TONES} labelPrefix="app.officer_status" />
                </DataTable.Col>
                {canEdit ? (
                    <DataTable.Col label={false} disableSort align="right">
                        <EditIfOpen />
                    </DataTable.Col>
                ) : null}
            </DataTable>
        </List>
    );
};
