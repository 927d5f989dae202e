import { Alert } from '@mui/material';
import { Edit, useRecordContext, useTranslate } from 'react-admin';
import { CertificateForm } from './CertificateForm';

// Only a certificate in force can be corrected; revoked, replaced or expired ones are history.
const CertificateEditContent = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (record && record.status !== 'valid') {
        return <Alert severity="info" sx={{ m: 2 }}>{translate('app.certificates.edit_closed')}</Alert>;
    }
    return <CertificateForm isEdit />;
};

export const CertificateEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show">
        <CertificateEditContent />
    </Edit>
);
