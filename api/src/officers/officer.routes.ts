import { sendList } from '../platform/http/listing';
import { requestContext, type RouteSpec } from '../platform/http/route';
import { imageSignature, sendStoredFile } from '../platform/storage/file-store';
import { notFound } from '../platform/errors';
import { createOfficer, getOfficer, listOfficers, officerListSpec, setOfficerPhoto, transferOfficer, updateOfficer } from './officer.service';

const tag = 'officers';
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const officerRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/officers', tag, access: 'officers:read', summary: 'List enforcement officers (执法人员)',
    schemas: { query: 'list-query' }, response: { schema: 'officer', list: true },
    handler: async (req, res) => sendList(res, officerListSpec.resource, await listOfficers(requestContext(req), res.locals.query)),
  },
  {
    method: 'get', path: '/officers/:id', tag, access: 'officers:read', summary: 'One officer',
    schemas: { params: 'id-params' }, response: { schema: 'officer' },
    handler: async (req, res) => { res.json(await getOfficer(requestContext(req), req.params.id as string)); },
  },
  {
    method: 'post', path: '/officers', tag, access: 'officers:write', summary: 'Add an officer',
    schemas: { body: 'officer-create' }, response: { schema: 'officer' }, errors: [409],
    handler: async (req, res) => { res.status(201).json(await createOfficer(requestContext(req), req.body)); },
  },
  {
    method: 'put', path: '/officers/:id', tag, access: 'officers:write', summary: 'Update an officer (not the agency: use transfer)',
    schemas: { params: 'id-params', body: 'officer-update' }, response: { schema: 'officer' }, errors: [409],
    handler: async (req, res) => { res.json(await updateOfficer(requestContext(req), req.params.id as string, req.body)); },
  },
  {
    method: 'post', path: '/officers/:id/transfer', tag, access: 'officers:transfer',
    summary: 'Move an officer to another agency: closes this record, replaces its certificates, opens a record in the new agency (换证)',
    schemas: { params: 'id-params', body: 'officer-transfer' }, response: { schema: 'officer-transfer-result', status: 200 }, errors: [409],
    handler: async (req, res) => { res.json(await transferOfficer(requestContext(req), req.params.id as string, req.body)); },
  },
  {
    method: 'put', path: '/officers/:id/photo', tag, access: 'officers:write', summary: 'Upload the officer’s photo (multipart field "photo"; JPEG, PNG or WebP, at most 2 MB)',
    schemas: { params: 'id-params' }, response: { schema: 'officer' }, errors: [413, 415],
    upload: { field: 'photo', types: PHOTO_TYPES, maxBytes: 2 * 1024 * 1024, signature: imageSignature },
    handler: async (req, res) => { res.json(await setOfficerPhoto(requestContext(req), req.params.id as string, req.file!)); },
  },
  {
    method: 'get', path: '/officers/:id/photo', tag, access: 'officers:read', summary: 'The officer’s photo',
    schemas: { params: 'id-params' }, response: { description: 'Image', contentType: 'image/*' },
    handler: async (req, res) => {
      const officer = await getOfficer(requestContext(req), req.params.id as string);
      if (!officer.photo) throw notFound('record');
      await sendStoredFile(res, officer.photo.key, officer.photo.contentType ?? 'application/octet-stream', 'private, max-age=300');
    },
  },
];
