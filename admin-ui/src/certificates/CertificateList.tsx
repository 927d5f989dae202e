import {
    AutocompleteInput,
    DataTable,
    EditButton,
    List,
    ReferenceField,
    ReferenceInput,
    SearchInput,
    SelectInput,
    useCanAccess,
    useRecordContext,
} from 'react-admin';
import { EnforcementAgencyInput } from '../agencies/EnforcementAgencyInput';
import { StatusField } from '../fields/StatusField';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { CERTIFICATE_STATE_TONES, certificateStatusChoices } from './certificateStates';

// `status` filters on the recorded status (valid, expired, revoked, replaced); the computed state is not
// filterable in the API. `q` searches the number and the issuer.
const useCertificateFilters = () => {
    const me = useSessionUser();
    return [
        <SearchInput key="q" source="q" alwaysOn />,
        <SelectInput key="status" source="status" choices={certificateStatusChoices} alwaysOn />,
        <ReferenceInput key="officerId" source="officerId" reference="officers" sort={{ field: 'name', order: 'ASC' }} perPage={200} alwaysOn>
            <AutocompleteInput optionText="name" sx={{ minWidth: 200 }} helperText={false} />
        </ReferenceInput>,
        ...(isCountyWide(me) ? [<EnforcementAgencyInput key="agencyId" source="agencyId" alwaysOn helperText={false} />] : []),
    ];
};

// Only a certificate in force can be corrected.
const EditIfValid = () => {
    const record = useRecordContext();
    return record?.status === 'valid' ? <EditButton /> : null;
};

export const CertificateList = () => {
    const me = useSessionUser();
    const filters = useCertificateFilters();
    const { canAccess: canEdit } = useCanAccess({ resource: 'certificates', action: 'edit' });
    return (
        <List sort={{ field: 'expiryDate', order: 'ASC' }} perPage={25} filters={filters} exporter={false}>
            <DataTable rowClick="show" bulkActionButtons={false}>
                <DataTable.Col source="number" />
                <DataTable.Col source="officerName" disableSort />
                {isCountyWide(me) ? (
                    <DataTable.Col source="agencyId" disableSort>
                        <ReferenceField source="agencyId" reference="agencies" link={false} />
                    </DataTable.Col>
                ) : null}
                <DataTable.Col source="issuer" disableSort />
                <DataTable.Col source="issueDate" />
                <DataTable.Col source="expiryDate" />
                <DataTable.Col source="state" disableSort>
                    <StatusField source="state" tones={CERTIFICATE_STATE_TONES} labelPrefix="app.certificate_state" />
                </DataTable.Col>
                {canEdit ? (
                    <DataTable.Col label={false} disableSort align="right">
                        <EditIfValid />
                    </DataTable.Col>
                ) : null}
            </DataTable>
        </List>
    );
};
