import { sendList } from '../platform/http/listing';
import { requestContext, type RouteSpec } from '../platform/http/route';
import { exportPowers, importPowers, XLSX_TYPE } from './power-item.excel';
import { createPower, deletePower, getPower, listPowers, powerListSpec, updatePower } from './power-item.service';

const tag = 'powers';

export const powerRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/powers', tag, access: 'powers:read', summary: 'List power-list items (权责清单)',
    schemas: { query: 'list-query' }, response: { schema: 'power-item', list: true },
    handler: async (req, res) => sendList(res, powerListSpec.resource, await listPowers(requestContext(req), res.locals.query)),
  },
  {
    method: 'get', path: '/powers/export.xlsx', tag, access: 'powers:read', summary: 'Export an agency’s power list as Excel (also the import template)',
    schemas: { query: 'agency-query' }, response: { description: 'Excel workbook', contentType: XLSX_TYPE },
    handler: async (req, res) => {
      const { buffer, filename } = await exportPowers(requestContext(req), res.locals.query.agencyId);
      res.type(XLSX_TYPE).set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`).send(buffer);
    },
  },
  {
    method: 'post', path: '/powers/import', tag, access: 'powers:write',
    summary: 'Import power-list items from Excel (multipart field "file"); all rows or none',
    schemas: { body: 'power-import' }, response: { schema: 'power-import-result', status: 200 }, errors: [413, 415],
    upload: { field: 'file', types: [XLSX_TYPE, 'application/octet-stream'], maxBytes: 10 * 1024 * 1024 },
    handler: async (req, res) => { res.json(await importPowers(requestContext(req), req.file!.path, req.body.agencyId)); },
  },
  {
    method: 'get', path: '/powers/:id', tag, access: 'powers:read', summary: 'One power-list item',
    schemas: { params: 'id-params' }, response: { schema: 'power-item' },
    handler: async (req, res) => { res.json(await getPower(requestContext(req), req.params.id as string)); },
  },
  {
    method: 'post', path: '/powers', tag, access: 'powers:write', summary: 'Add a power-list item',
    schemas: { body: 'power-item-create' }, response: { schema: 'power-item' }, errors: [409],
    handler: async (req, res) => { res.status(201).json(await createPower(requestContext(req), req.body)); },
  },
  {
    method: 'put', path: '/powers/:id', tag, access: 'powers:write', summary: 'Update a power-list item',
    schemas: { params: 'id-params', body: 'power-item-update' }, response: { schema: 'power-item' }, errors: [409],
    handler: async (req, res) => { res.json(await updatePower(requestContext(req), req.params.id as string, req.body)); },
  },
  {
    method: 'delete', path: '/powers/:id', tag, access: 'powers:write', summary: 'Remove a power-list item',
    schemas: { params: 'id-params' }, response: { schema: 'power-item' },
    handler: async (req, res) => { res.json(await deletePower(requestContext(req), req.params.id as string)); },
  },
];
