import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD HH:mm in the browser's time zone (county offices run on China Standard Time). */
export const formatDateTime = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '';
    const date = new Date(value as string | number);
    if (Number.isNaN(date.getTime())) return String(value);
    return (
        `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
        `${pad(date.getHours())}:${pad(date.getMinutes())}`
    );
};

export const DateTimeField = (props: FieldProps & { emptyText?: string }) => {
    const value = useFieldValue(props);
    const translate = useTranslate();
    const text = formatDateTime(value);
    return (
        <Typography component="span" variant="body2">
            {text || (props.emptyText ? translate(props.emptyText, { _: props.emptyText }) : '')}
        </Typography>
    );
};
