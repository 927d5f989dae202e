import { Edit } from 'react-admin';
import { AgencyForm } from './AgencyForm';

// Pessimistic: the server validates (unique code …) and its field errors must reach the form.
export const AgencyEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <AgencyForm isEdit />
    </Edit>
);
