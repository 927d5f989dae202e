import { Edit } from 'react-admin';
import { AgencyForm, clearUnusedSubjectFields } from './AgencyForm';

// Pessimistic: the server validates (unique code, credit-code check character …) and its field errors
// must reach the form.
export const AgencyEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show" transform={clearUnusedSubjectFields}>
        <AgencyForm isEdit />
    </Edit>
);
