import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

/** 法律职业资格: held (with the certificate number when known) or not. */
export const LegalQualificationField = (_props: Partial<FieldProps>) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    const held = !!record.legalQualification;
    return (
        <Typography component="span" variant="body2">
            {translate(held ? 'app.officers.legal_qualification_yes' : 'app.officers.legal_qualification_no')}
            {held && record.legalQualificationNumber ? `（${record.legalQualificationNumber}）` : ''}
        </Typography>
    );
};
