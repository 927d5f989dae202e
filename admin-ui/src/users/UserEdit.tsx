import { Edit } from 'react-admin';
import { UserForm } from './UserForm';

// Pessimistic: the server validates (unique username, agency scope …) and its field errors must reach the form.
export const UserEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <UserForm isEdit />
    </Edit>
);
