import {
    AutocompleteInput,
    DataTable,
    EditButton,
    List,
    NullableBooleanInput,
    ReferenceInput,
    SearchInput,
    SelectInput,
    useCanAccess,
} from 'react-admin';
import { ActiveField } from '../fields/ActiveField';
import { DateTimeField } from '../fields/DateTimeField';
import { isCountyWide } from '../providers/session';
import { useSessionUser } from '../providers/useSessionUser';
import { roleChoices } from './roles';
import { RolesField } from './RolesField';
import { UserAgencyField } from './UserAgencyField';

const useUserFilters = () => {
    const me = useSessionUser();
    const { canAccess: canReadAgencies } = useCanAccess({ resource: 'agencies', action: 'list' });
    return [
        <SearchInput key="q" source="q" alwaysOn />,
        // An agency administrator only ever sees their own agency's users: no agency filter for them.
        ...(isCountyWide(me) && canReadAgencies
            ? [
                  <ReferenceInput
                      key="agencyId"
                      source="agencyId"
                      reference="agencies"
                      sort={{ field: 'name', order: 'ASC' }}
                      perPage={100}
                      alwaysOn
                  >
                      <AutocompleteInput optionText="name" sx={{ minWidth: 260 }} />
                  </ReferenceInput>,
              ]
            : []),
        <SelectInput key="role" source="role" choices={roleChoices()} alwaysOn />,
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

export const UserList = () => {
    const filters = useUserFilters();
    const { canAccess: canEdit } = useCanAccess({ resource: 'users', action: 'edit' });
    return (
        <List sort={{ field: 'username', order: 'ASC' }} perPage={25} filters={filters} exporter={false}>
            <DataTable rowClick="show" bulkActionButtons={false}>
                <DataTable.Col source="username" />
                <DataTable.Col source="displayName" />
                <DataTable.Col source="roles" disableSort field={RolesField} />
                <DataTable.Col source="agencyId" disableSort field={UserAgencyField} />
                <DataTable.Col source="active" disableSort field={ActiveField} />
                <DataTable.Col source="lastLoginAt">
                    <DateTimeField source="lastLoginAt" emptyText="app.users.never_logged_in" />
                </DataTable.Col>
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
