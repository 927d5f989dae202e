import NotificationsIcon from '@mui/icons-material/Notifications';
import type { RaRecord } from 'react-admin';
import { NotificationList } from './NotificationList';

export { NotificationBell } from './NotificationBell';

// 我的通知: in-app notifications of the signed-in user (review assigned, due soon, overdue, opinion issued).
export default {
    list: NotificationList,
    icon: NotificationsIcon,
    recordRepresentation: (record: RaRecord) => String(record.title ?? record.id),
};
