import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Box, Typography } from '@mui/material';
import {
    Button,
    DataTable,
    List,
    SearchInput,
    SelectInput,
    TopToolbar,
    useListContext,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { DateTimeField } from '../fields/DateTimeField';
import { StatusChip } from '../fields/StatusChip';
import { NotificationKindField } from './NotificationKindField';
import { useNotificationActions, type NotificationRecord } from './notificationApi';

const unreadChoices = [
    { id: true, name: 'app.notifications.unread' },
    { id: false, name: 'app.notifications.read' },
];

const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="unread" source="unread" choices={unreadChoices} emptyText="app.notifications.all" alwaysOn />,
];

const MarkAllReadButton = () => {
    const { readAll } = useNotificationActions();
    const { total } = useListContext();
    return <Button label="app.notifications.mark_all_read" onClick={() => void readAll()} disabled={!total} startIcon={<DoneAllIcon />} />;
};

const ReadStateField = (_props: { label?: string }) => {
    const record = useRecordContext<NotificationRecord>();
    const translate = useTranslate();
    if (!record) return null;
    return record.readAt ? (
        <StatusChip tone="grey" label={translate('app.notifications.read')} />
    ) : (
        <StatusChip tone="blue" label={translate('app.notifications.unread')} />
    );
};

const TitleField = (_props: { label?: string }) => {
    const record = useRecordContext<NotificationRecord>();
    if (!record) return null;
    return (
        <Box>
            <Typography variant="body2" sx={{ fontWeight: record.readAt ? 400 : 600 }}>
                {record.title}
            </Typography>
            {record.body ? (
                <Typography variant="caption" color="text.secondary">
                    {record.body}
                </Typography>
            ) : null}
        </Box>
    );
};

/** 我的通知: the signed-in user's own notifications; a click marks one read and opens what it is about. */
export const NotificationList = () => {
    const { open } = useNotificationActions();
    return (
        <List
            sort={{ field: 'createdAt', order: 'DESC' }}
            perPage={25}
            filters={filters}
            exporter={false}
            actions={
                <TopToolbar>
                    <MarkAllReadButton />
                </TopToolbar>
            }
        >
            <DataTable
                bulkActionButtons={false}
                rowClick={(_id, _resource, record) => {
                    void open(record as NotificationRecord);
                    return false;
                }}
                rowSx={(record) => (record.readAt ? {} : { bgcolor: 'action.hover' })}
            >
                <DataTable.Col source="readAt" label="app.notifications.state" disableSort>
                    <ReadStateField />
                </DataTable.Col>
                <DataTable.Col source="title" disableSort>
                    <TitleField />
                </DataTable.Col>
                <DataTable.Col source="kind">
                    <NotificationKindField />
                </DataTable.Col>
                <DataTable.Col source="createdAt">
                    <DateTimeField source="createdAt" />
                </DataTable.Col>
            </DataTable>
        </List>
    );
};
