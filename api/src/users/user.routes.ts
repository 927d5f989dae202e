import { requestContext, type RouteSpec } from '../platform/http/route';
import { sendList } from '../platform/http/listing';
import { createUser, deleteUser, getUser, listUsers, updateUser, userListSpec } from './user.service';

const tag = 'users';

export const userRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/users', tag, access: 'users:read', summary: 'List user accounts of the caller’s agency (all for supervisors)',
    schemas: { query: 'list-query' }, response: { schema: 'user', list: true },
    handler: async (req, res) => sendList(res, userListSpec.resource, await listUsers(requestContext(req), res.locals.query)),
  },
  {
    method: 'get', path: '/users/:id', tag, access: 'users:read', summary: 'One user account',
    schemas: { params: 'id-params' }, response: { schema: 'user' },
    handler: async (req, res) => { res.json(await getUser(requestContext(req), req.params.id as string)); },
  },
  {
    method: 'post', path: '/users', tag, access: 'users:write', summary: 'Create a user account',
    schemas: { body: 'user-create' }, response: { schema: 'user' }, errors: [409],
    handler: async (req, res) => { res.status(201).json(await createUser(requestContext(req), req.body)); },
  },
  {
    method: 'put', path: '/users/:id', tag, access: 'users:write', summary: 'Update a user account (a new password ends its sessions)',
    schemas: { params: 'id-params', body: 'user-update' }, response: { schema: 'user' }, errors: [409],
    handler: async (req, res) => { res.json(await updateUser(requestContext(req), req.params.id as string, req.body)); },
  },
  {
    method: 'delete', path: '/users/:id', tag, access: 'users:write', summary: 'Delete a user account',
    schemas: { params: 'id-params' }, response: { schema: 'user' }, errors: [409],
    handler: async (req, res) => { res.json(await deleteUser(requestContext(req), req.params.id as string)); },
  },
];
