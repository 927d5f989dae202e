import {
    CreateButton,
    DataTable,
    EditButton,
    List,
    NullableBooleanInput,
    ReferenceField,
    SearchInput,
    SelectField,
    SelectInput,
    TopToolbar,
    useCanAccess,
} from 'react-admin';
import { EnforcementAgencyInput } from '../agencies/EnforcementAgencyInput';
import { categoryChoices } from '../agencies/enforcementSubject';
import { ActiveField } from '../fields/ActiveField';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { LegalBasisField } from './LegalBasisField';
import { ExportPowersButton, ImportPowersButton } from './PowerExcel';

const usePowerFilters = () => {
    const me = useSessionUser();
    return [
        <SearchInput key="q" source="q" alwaysOn />,
        <SelectInput key="category" source="category" choices={categoryChoices} alwaysOn />,
        // An agency administrator only ever sees their own agency's list.
        ...(isCountyWide(me) ? [<EnforcementAgencyInput key="agencyId" source="agencyId" alwaysOn helperText={false} />] : []),
        <NullableBooleanInput
            key="active"
            source="active"
            alwaysOn
            trueLabel="app.status.active"
            falseLabel="app.status.inactive"
            nullLabel="app.status.any"
        />,
    ];
};

const PowerListActions = ({ canWrite }: { canWrite: boolean }) => (
    <TopToolbar>
        {canWrite ? <CreateButton /> : null}
        <ExportPowersButton />
        {canWrite ? <ImportPowersButton /> : null}
    </TopToolbar>
);

export const PowerList = () => {
    const me = useSessionUser();
    const filters = usePowerFilters();
    const { canAccess: canWrite = false } = useCanAccess({ resource: 'powers', action: 'create' });
    return (
        <List
            sort={{ field: 'code', order: 'ASC' }}
            perPage={25}
            filters={filters}
            actions={<PowerListActions canWrite={canWrite} />}
            exporter={false}
        >
            <DataTable rowClick="show" bulkActionButtons={false}>
                <DataTable.Col source="code" sx={{ whiteSpace: 'nowrap' }} />
                <DataTable.Col source="name" sx={{ minWidth: 240 }} />
                <DataTable.Col source="category" sx={{ whiteSpace: 'nowrap' }}>
                    <SelectField source="category" choices={categoryChoices} />
                </DataTable.Col>
                <DataTable.Col source="legalBasis" disableSort>
                    <LegalBasisField source="legalBasis" compact />
                </DataTable.Col>
                {isCountyWide(me) ? (
                    <DataTable.Col source="agencyId" disableSort>
                        <ReferenceField source="agencyId" reference="agencies" link={false} />
                    </DataTable.Col>
                ) : null}
                <DataTable.Col source="active" disableSort field={ActiveField} />
                {canWrite ? (
                    <DataTable.Col label={false} disableSort align="right">
                        <EditButton />
                    </DataTable.Col>
                ) : null}
            </DataTable>
        </List>
    );
};
