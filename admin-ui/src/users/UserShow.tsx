import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { ActiveField } from '../fields/ActiveField';
import { DateTimeField } from '../fields/DateTimeField';
import { RolesField } from './RolesField';
import { UserAgencyField } from './UserAgencyField';

export const UserShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="username" />
            <TextField source="displayName" />
            <RolesField source="roles" />
            <UserAgencyField source="agencyId" />
            <TextField source="phone" emptyText="—" />
            <ActiveField source="active" />
            <DateTimeField source="lastLoginAt" emptyText="app.users.never_logged_in" />
            <DateTimeField source="createdAt" />
            <DateTimeField source="updatedAt" />
        </SimpleShowLayout>
    </Show>
);
