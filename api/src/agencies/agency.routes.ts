import { requestContext, type RouteSpec } from '../platform/http/route';
import { sendList } from '../platform/http/listing';
import { agencyListSpec, changeQualification, createAgency, deleteAgency, getAgency, listAgencies, updateAgency } from './agency.service';
import type { QualificationAction } from './qualification';

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

const qualificationRoute = (action: QualificationAction, summary: string, body: string): RouteSpec => ({
  method: 'post', path: `/agencies/:id/${action}`, tag, access: 'agencies:qualify', summary,
  schemas: { params: 'id-params', body }, response: { schema: 'agency', status: 200 }, errors: [409],
  handler: async (req, res) => { res.json(await changeQualification(requestContext(req), req.params.id as string, action, req.body)); },
});

agencyRoutes.push(
  qualificationRoute('confirm', 'Confirm an enforcement subject, recording the basis (主体资格确认)', 'agency-confirm'),
  qualificationRoute('announce', 'Announce a confirmed enforcement subject with the publication date (公告)', 'agency-announce'),
  qualificationRoute('suspend', 'Suspend an enforcement subject with a reason (暂停)', 'reason-body'),
  qualificationRoute('reinstate', 'Lift a suspension with a reason (恢复)', 'reason-body'),
  qualificationRoute('revoke', 'Revoke an enforcement subject with a reason (撤销)', 'reason-body'),
);
