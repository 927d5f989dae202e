import {
    DataTable,
    EditButton,
    List,
    NullableBooleanInput,
    SearchInput,
    SelectField,
    SelectInput,
    useCanAccess,
} from 'react-admin';
import { ActiveField } from '../fields/ActiveField';
import { DateTimeField } from '../fields/DateTimeField';
import { agencyKindChoices } from './agencyKinds';
import { MayEnforceChip, QualificationStatusChip } from './QualificationPanel';

// No filter on the qualification status: GET /api/agencies does not accept one (agencyListSpec).
const agencyFilters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="kind" source="kind" choices={agencyKindChoices} alwaysOn />,
    <NullableBooleanInput
        key="active"
        source="active"
        alwaysOn
        trueLabel="app.status.active"
        falseLabel="app.status.inactive"
        nullLabel="app.status.any"
    />,
];

export const AgencyList = () => {
    const { canAccess: canEdit } = useCanAccess({ resource: 'agencies', action: 'edit' });
    return (
        <List sort={{ field: 'name', order: 'ASC' }} perPage={25} filters={agencyFilters} exporter={false}>
            <DataTable rowClick="show" bulkActionButtons={false}>
                <DataTable.Col source="name" />
                <DataTable.Col source="shortName" disableSort />
                <DataTable.Col source="code" />
                <DataTable.Col source="kind">
                    <SelectField source="kind" choices={agencyKindChoices} />
                </DataTable.Col>
                <DataTable.Col source="county" disableSort />
                <DataTable.Col
                    source="qualification.status"
                    label="resources.agencies.fields.qualification"
                    disableSort
                    render={record => <QualificationStatusChip status={record.kind === 'enforcement' ? record.qualification?.status : undefined} />}
                />
                <DataTable.Col
                    source="mayEnforce"
                    disableSort
                    render={record => (record.kind === 'enforcement' ? <MayEnforceChip value={record.mayEnforce} /> : null)}
                />
                <DataTable.Col source="active" disableSort field={ActiveField} />
                <DataTable.Col source="createdAt" field={DateTimeField} />
                {canEdit ? (
                    <DataTable.Col label={false} disableSort align="right">
                        <EditButton />
                    </DataTable.Col>
                ) : null}
            </DataTable>
        </List>
    );
};
