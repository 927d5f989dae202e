import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

// Accounts and agencies are disabled rather than deleted when they must stay in the records.
export const ActiveField = (props: FieldProps) => {
    const value = useFieldValue(props);
    const translate = useTranslate();
    if (value === undefined || value === null) return null;
    return value ? (
        <Chip size="small" color="success" variant="outlined" label={translate('app.status.active')} />
    ) : (
        <Chip size="small" variant="outlined" label={translate('app.status.inactive')} />
    );
};
