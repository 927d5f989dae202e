import { sendList } from '../platform/http/listing';
import { requestContext, type RouteSpec } from '../platform/http/route';
import { getMyNotification, listMyNotifications, markAllRead, markRead, notificationListSpec, unreadCount } from './notification.service';

const tag = 'notifications';

// Every signed-in user has notifications of their own; nobody sees another person's (404).
export const notificationRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/notifications', tag, access: 'signedIn', summary: 'The caller’s own notifications, newest first (filters: unread, kind, q)',
    schemas: { query: 'list-query' }, response: { schema: 'notification', list: true },
    handler: async (req, res) => sendList(res, notificationListSpec.resource, await listMyNotifications(requestContext(req), res.locals.query)),
  },
  {
    method: 'get', path: '/notifications/unread-count', tag, access: 'signedIn', summary: 'How many of the caller’s notifications are unread (for the bell)',
    response: { schema: 'notification-unread-count' },
    handler: async (req, res) => { res.set('Cache-Control', 'no-store').json(await unreadCount(requestContext(req))); },
  },
  {
    method: 'post', path: '/notifications/read-all', tag, access: 'signedIn', summary: 'Mark all of the caller’s notifications read',
    response: { schema: 'notification-read-all', status: 200 },
    handler: async (req, res) => { res.json(await markAllRead(requestContext(req))); },
  },
  {
    method: 'get', path: '/notifications/:id', tag, access: 'signedIn', summary: 'One of the caller’s notifications',
    schemas: { params: 'id-params' }, response: { schema: 'notification' },
    handler: async (req, res) => { res.json(await getMyNotification(requestContext(req), req.params.id as string)); },
  },
  {
    method: 'post', path: '/notifications/:id/read', tag, access: 'signedIn', summary: 'Mark one of the caller’s notifications read',
    schemas: { params: 'id-params' }, response: { schema: 'notification', status: 200 },
    handler: async (req, res) => { res.json(await markRead(requestContext(req), req.params.id as string)); },
  },
];
