import { Alert } from '@mui/material';
import { Edit, useRecordContext, useTranslate } from 'react-admin';
import { OfficerForm } from './OfficerForm';

// A transferred record is history (the API refuses changes): say so instead of offering a form.
const OfficerEditContent = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (record?.status === 'transferred') {
        return <Alert severity="info" sx={{ m: 2 }}>{translate('app.officers.read_only')}</Alert>;
    }
    return <OfficerForm isEdit />;
};

// Without a legal qualification no certificate number is kept.
const clearQualificationNumber = (data: Record<string, unknown>) =>
    data.legalQualification ? data : { ...data, legalQualificationNumber: null };

// Pessimistic: the server checks the linked account (same agency, not linked to another officer).
export const OfficerEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show" transform={clearQualificationNumber}>
        <OfficerEditContent />
    </Edit>
);
