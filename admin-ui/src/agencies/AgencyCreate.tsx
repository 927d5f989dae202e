import { Create } from 'react-admin';
import { AgencyForm } from './AgencyForm';

export const AgencyCreate = () => (
    <Create redirect="show">
        <AgencyForm defaultValues={{ active: true }} />
    </Create>
);
