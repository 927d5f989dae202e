import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useCreatePath, useLogoutIfAccessDenied, useNotify, type RaRecord } from 'react-admin';
import { useNavigate } from 'react-router';
import { API_URL } from '../providers/dataProvider';
import { httpClient } from '../providers/httpClient';

// The caller's own notifications (GET/POST /api/notifications…): every signed-in user has them.

export interface NotificationRecord extends RaRecord {
    kind: string;
    title: string;
    body?: string;
    link?: { resource: string; id: string };
    readAt: string | null;
    createdAt: string;
}

/** react-query key prefix shared with react-admin's own queries of the resource, so one invalidation refreshes all. */
export const NOTIFICATIONS_KEY = ['notifications'];
export const UNREAD_COUNT_KEY = ['notifications', 'unread-count'];

/** How often the bell asks for the unread count while the page is visible. */
export const POLL_INTERVAL_MS = 60_000;

export const fetchUnreadCount = async (): Promise<number> => {
    const { json } = await httpClient(`${API_URL}/notifications/unread-count`);
    return Number((json as { count?: number }).count ?? 0);
};

const markRead = (id: RaRecord['id']) =>
    httpClient(`${API_URL}/notifications/${encodeURIComponent(String(id))}/read`, { method: 'POST' });

const markAllRead = () => httpClient(`${API_URL}/notifications/read-all`, { method: 'POST' });

/** react-admin's show page of the record a notification is about, e.g. /reviews/<id>/show. */
export const useNotificationTarget = () => {
    const createPath = useCreatePath();
    return useCallback(
        (record: NotificationRecord) =>
            record.link ? createPath({ resource: record.link.resource, id: record.link.id, type: 'show' }) : null,
        [createPath]
    );
};

/** Actions on notifications; each refreshes the bell and the list afterwards. */
export const useNotificationActions = () => {
    const queryClient = useQueryClient();
    const notify = useNotify();
    const navigate = useNavigate();
    const target = useNotificationTarget();
    const logoutIfAccessDenied = useLogoutIfAccessDenied();

    const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }), [queryClient]);

    const failed = useCallback(
        async (error: unknown) => {
            if (await logoutIfAccessDenied(error)) return;
            notify((error as Error)?.message || 'ra.notification.http_error', { type: 'error' });
        },
        [logoutIfAccessDenied, notify]
    );

    /** Marks the notification read (if it is not yet) and opens what it links to. */
    const open = useCallback(
        async (record: NotificationRecord) => {
            try {
                if (!record.readAt) await markRead(record.id);
            } catch (error) {
                await failed(error);
            }
            void refresh();
            const path = target(record);
            if (path) navigate(path);
        },
        [failed, navigate, refresh, target]
    );

    const readAll = useCallback(async () => {
        try {
            await markAllRead();
            notify('app.notifications.all_marked_read', { type: 'info' });
        } catch (error) {
            await failed(error);
        }
        void refresh();
    }, [failed, notify, refresh]);

    return { open, readAll, refresh };
};
