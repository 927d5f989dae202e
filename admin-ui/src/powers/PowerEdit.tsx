import { Edit } from 'react-admin';
import { cleanLegalBasis, PowerForm } from './PowerForm';

// Pessimistic: the server checks that the item code is unique within the agency's list.
export const PowerEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show" transform={cleanLegalBasis}>
        <PowerForm isEdit />
    </Edit>
);
