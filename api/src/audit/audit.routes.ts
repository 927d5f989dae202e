// Reading the audit log. There are deliberately no routes that change or remove entries.
import { AuditEntryModel } from '../platform/audit/audit.model';
import { agencyScope } from '../platform/auth/agency-scope';
import { listRecords, sendList, type ListSpec } from '../platform/http/listing';
import type { RouteSpec } from '../platform/http/route';

export const auditListSpec: ListSpec = {
  resource: 'audit-log',
  filters: { action: 'string', entity: 'string', entityId: 'string', agencyId: 'objectId', actorId: 'objectId', at: 'date' },
  search: ['action', 'actorName', 'entityId'],
  sortable: ['at', 'action', 'entity'],
  defaultSort: ['at', 'DESC'],
};

export const auditRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/audit-log', tag: 'audit', access: 'audit:read',
    summary: 'Audit log entries of the caller’s agency (all for supervisors); append-only',
    schemas: { query: 'list-query' }, response: { schema: 'audit-entry', list: true },
    handler: async (req, res) => sendList(res, auditListSpec.resource, await listRecords(AuditEntryModel, auditListSpec, res.locals.query, agencyScope(req.actor!))),
  },
];
