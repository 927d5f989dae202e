import DoneAllIcon from '@mui/icons-material/DoneAll';
import NotificationsIcon from '@mui/icons-material/Notifications';
import NotificationsNoneIcon from '@mui/icons-material/NotificationsNone';
import {
    Badge,
    Box,
    Button,
    CircularProgress,
    Divider,
    IconButton,
    List,
    ListItemButton,
    ListItemText,
    Popover,
    Tooltip,
    Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type MouseEvent } from 'react';
import { useGetList, useLogoutIfAccessDenied, useTranslate } from 'react-admin';
import { useLocation, useNavigate } from 'react-router';
import { formatDateTime } from '../fields/DateTimeField';
import { useKindLabel } from './NotificationKindField';
import {
    fetchUnreadCount,
    POLL_INTERVAL_MS,
    UNREAD_COUNT_KEY,
    useNotificationActions,
    type NotificationRecord,
} from './notificationApi';

const LATEST = 8;

/** The unread count, asked for every minute while the page is visible and at each navigation. */
const useUnreadCount = () => {
    const logoutIfAccessDenied = useLogoutIfAccessDenied();
    const { pathname } = useLocation();
    const query = useQuery({
        queryKey: UNREAD_COUNT_KEY,
        queryFn: async () => {
            try {
                return await fetchUnreadCount();
            } catch (error) {
                // An expired session ends here as anywhere else; other failures keep the last count.
                await logoutIfAccessDenied(error);
                throw error;
            }
        },
        refetchInterval: POLL_INTERVAL_MS,
        retry: false,
    });
    const { refetch } = query;
    useEffect(() => {
        void refetch();
    }, [pathname, refetch]);
    return query.data ?? 0;
};

const NotificationItem = ({ record, onOpen }: { record: NotificationRecord; onOpen: (r: NotificationRecord) => void }) => {
    const kindLabel = useKindLabel();
    const unread = !record.readAt;
    return (
        <ListItemButton onClick={() => onOpen(record)} alignItems="flex-start" sx={{ gap: 1 }}>
            <Box
                aria-hidden
                sx={{ mt: 0.9, width: 8, height: 8, borderRadius: '50%', flexShrink: 0, bgcolor: unread ? 'primary.main' : 'transparent' }}
            />
            <ListItemText
                primary={record.title}
                slotProps={{ primary: { variant: 'body2', sx: { fontWeight: unread ? 600 : 400 } } }}
                secondary={
                    <>
                        {record.body ? (
                            <Typography
                                component="span"
                                variant="caption"
                                sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
                            >
                                {record.body}
                            </Typography>
                        ) : null}
                        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                            {kindLabel(record.kind)} · {formatDateTime(record.createdAt)}
                        </Typography>
                    </>
                }
            />
        </ListItemButton>
    );
};

/** The bell in the app bar: unread badge; a click shows the latest notifications. */
export const NotificationBell = () => {
    const translate = useTranslate();
    const navigate = useNavigate();
    const count = useUnreadCount();
    const { open: openNotification, readAll } = useNotificationActions();
    const [anchor, setAnchor] = useState<HTMLElement | null>(null);
    const isOpen = Boolean(anchor);
    const { data: latest, isPending } = useGetList<NotificationRecord>(
        'notifications',
        { pagination: { page: 1, perPage: LATEST }, sort: { field: 'createdAt', order: 'DESC' } },
        { enabled: isOpen }
    );
    const label = count
        ? translate('app.notifications.bell_unread', { smart_count: count })
        : translate('app.notifications.bell');

    const close = () => setAnchor(null);
    const onOpen = (record: NotificationRecord) => {
        close();
        void openNotification(record);
    };

    return (
        <>
            <Tooltip title={label}>
                <IconButton
                    color="inherit"
                    aria-label={label}
                    aria-haspopup="dialog"
                    aria-expanded={isOpen ? 'true' : undefined}
                    onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
                >
                    <Badge badgeContent={count} color="error" max={99}>
                        {count ? <NotificationsIcon /> : <NotificationsNoneIcon />}
                    </Badge>
                </IconButton>
            </Tooltip>
            <Popover
                open={isOpen}
                anchorEl={anchor}
                onClose={close}
                anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
                transformOrigin={{ vertical: 'top', horizontal: 'right' }}
                slotProps={{ paper: { sx: { width: 380, maxWidth: 'calc(100vw - 16px)' }, role: 'dialog', 'aria-label': translate('app.notifications.title') } }}
            >
                <Box sx={{ display: 'flex', alignItems: 'center', px: 2, py: 1 }}>
                    <Typography variant="subtitle1" sx={{ flex: 1, fontWeight: 600 }}>
                        {translate('app.notifications.title')}
                    </Typography>
                    <Button size="small" startIcon={<DoneAllIcon />} disabled={!count} onClick={() => void readAll()}>
                        {translate('app.notifications.mark_all_read')}
                    </Button>
                </Box>
                <Divider />
                {isPending ? (
                    <Box sx={{ display: 'flex', justifyContent: 'center', py: 3 }}>
                        <CircularProgress size={24} />
                    </Box>
                ) : latest?.length ? (
                    <List dense disablePadding sx={{ maxHeight: 420, overflowY: 'auto' }}>
                        {latest.map((record) => (
                            <NotificationItem key={record.id} record={record} onOpen={onOpen} />
                        ))}
                    </List>
                ) : (
                    <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 3, textAlign: 'center' }}>
                        {translate('app.notifications.empty')}
                    </Typography>
                )}
                <Divider />
                <Box sx={{ display: 'flex', justifyContent: 'center', py: 0.5 }}>
                    <Button
                        size="small"
                        onClick={() => {
                            close();
                            navigate('/notifications');
                        }}
                    >
                        {translate('app.notifications.view_all')}
                    </Button>
                </Box>
            </Popover>
        </>
    );
};
