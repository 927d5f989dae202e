import { requestContext, type RouteSpec } from '../platform/http/route';
import { sendList } from '../platform/http/listing';
import { agencyListSpec, createAgency, deleteAgency, getAgency, listAgencies, updateAgency } from './agency.service';

const tag = 'agencies';

export const agencyRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/agencies', tag, access: 'agencies:read',
    summary: 'List agencies (supervisors see all, others their own)',
    schemas: { query: 'list-query' }, response: { schema: 'agency', list: true },
    handler: async (req, res) => sendList(res, agencyListSpec.resource, await listAgencies(requestContext(req), res.locals.query)),
  },
  {
    method: 'get', path: '/agencies/:id', tag, access: 'agencies:read', summary: 'One agency',
    schemas: { params: 'id-params' }, response: { schema: 'agency' },
    handler: async (req, res) => { res.json(await getAgency(requestContext(req), req.params.id as string)); },
  },
  {
    method: 'post', path: '/agencies', tag, access: 'agencies:write', summary: 'Create an agency',
    schemas: { body: 'agency-create' }, response: { schema: 'agency' }, errors: [409],
    handler: async (req, res) => { res.status(201).json(await createAgency(requestContext(req), req.body)); },
  },
  {
    method: 'put', path: '/agencies/:id', tag, access: 'agencies:write', summary: 'Update an agency',
    schemas: { params: 'id-params', body: 'agency-update' }, response: { schema: 'agency' }, errors: [409],
    handler: async (req, res) => { res.json(await updateAgency(requestContext(req), req.params.id as string, req.body)); },
  },
  {
    method: 'delete', path: '/agencies/:id', tag, access: 'agencies:write', summary: 'Delete an agency that has no users',
    schemas: { params: 'id-params' }, response: { schema: 'agency' }, errors: [409],
    handler: async (req, res) => { res.json(await deleteAgency(requestContext(req), req.params.id as string)); },
  },
];
