import {
    DataTable,
    Pagination,
    ReferenceManyField,
    SelectField,
    Show,
    SimpleShowLayout,
    TextField,
    useCanAccess,
} from 'react-admin';
import { ActiveField } from '../fields/ActiveField';
import { DateTimeField } from '../fields/DateTimeField';
import { RolesField } from '../users/RolesField';
import { agencyKindChoices } from './agencyKinds';

export const AgencyShow = () => {
    // The agency's user accounts are listed for those allowed to see users.
    const { canAccess: canListUsers } = useCanAccess({ resource: 'users', action: 'list' });
    return (
        <Show>
            <SimpleShowLayout>
                <TextField source="name" />
                <TextField source="shortName" />
                <TextField source="code" />
                <SelectField source="kind" choices={agencyKindChoices} />
                <TextField source="county" />
                <TextField source="address" emptyText="—" />
                <TextField source="phone" emptyText="—" />
                <ActiveField source="active" />
                <DateTimeField source="createdAt" />
                <DateTimeField source="updatedAt" />
                {canListUsers ? (
                    <ReferenceManyField
                        label="app.agencies.users_title"
                        reference="users"
                        target="agencyId"
                        sort={{ field: 'username', order: 'ASC' }}
                        perPage={10}
                        pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
                    >
                        <DataTable rowClick="show" bulkActionButtons={false}>
                            <DataTable.Col source="username" />
                            <DataTable.Col source="displayName" />
                            <DataTable.Col source="roles" disableSort field={RolesField} />
                            <DataTable.Col source="active" disableSort field={ActiveField} />
                        </DataTable>
                    </ReferenceManyField>
                ) : null}
            </SimpleShowLayout>
        </Show>
    );
};
