import type { RouteSpec } from '../platform/http/route';
import { requestContext } from '../platform/http/route';
import { login, sessionUser } from './auth.service';

export const authRoutes: RouteSpec[] = [
  {
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in with username and password (登录)',
    tag: 'auth',
    access: 'public',
    schemas: { body: 'login-request' },
    response: { schema: 'login-response', status: 200 },
    errors: [{ status: 401, schema: 'error', description: 'Wrong username or password, or the account or its agency is inactive (one answer for all)' }, { status: 429, schema: 'error', description: 'Too many failed sign-ins: locked for some minutes' }],
    handler: async (req, res) => {
      res.json(await login(requestContext(req), req.body.username, req.body.password));
    },
  },
  {
    method: 'get',
    path: '/auth/me',
    summary: 'The signed-in user, with agency and permissions',
    tag: 'auth',
    access: 'signedIn',
    response: { schema: 'me-response' },
    handler: async (req, res) => {
      res.json({ user: await sessionUser(req.actor!) });
    },
  },
];
