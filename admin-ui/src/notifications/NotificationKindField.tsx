import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { NotificationRecord } from './notificationApi';

/** What a notification is about, in words (`app.notifications.kinds.<kind>`; the code itself when unknown). */
export const useKindLabel = () => {
    const translate = useTranslate();
    return (kind: string) => translate(`app.notifications.kinds.${kind}`, { _: kind });
};

export const NotificationKindField = (_props: { label?: string; source?: string }) => {
    const record = useRecordContext<NotificationRecord>();
    const label = useKindLabel();
    return record ? (
        <Typography component="span" variant="body2">
            {label(record.kind)}
        </Typography>
    ) : null;
};
