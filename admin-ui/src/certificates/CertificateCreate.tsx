import { Create } from 'react-admin';
import { CertificateForm } from './CertificateForm';

// Pessimistic by nature (create): the server checks the number is unique and the officer is on duty.
// The officer may come preset from the officer page ("发放执法证").
export const CertificateCreate = () => (
    <Create redirect="show">
        <CertificateForm />
    </Create>
);
