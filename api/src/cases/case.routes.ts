import { getSettings, updateSettings } from '../agencies/agency-settings.service';
import { requestLanguage } from '../platform/http/language';
import { sendList } from '../platform/http/listing';
import { requestContext, type ErrorResponseSpec, type RouteSpec } from '../platform/http/route';
import { imageSignature, sendStoredFile } from '../platform/storage/file-store';
import { SCAN_TYPES } from './case-document.model';
import { attachDocumentFile, correctDocument, createDocument, documentFileForDownload, documentListSpec, getDocument, listDocuments } from './case-document.service';
import { transitionCase } from './case-transition.service';
import { caseListSpec, caseTimeline, createCase, getCase, listCases, revealPartyData, updateCase } from './case.service';

const tag = 'cases';

/** How a case step is refused (also by the submission for legal review, which is one). */
export const TRANSITION_REFUSALS: ErrorResponseSpec[] = [
  { status: 403, schema: ['error', 'case-refusal'], description: 'The caller may not take this step (`failures` says why) or lacks the permission' },
  {
    status: 409, schema: ['error', 'case-refusal', 'case-conflict'],
    description: 'A precondition does not hold yet (`failures` names each), or `version` is stale (`current` is the case as it is now)',
  },
];

export const caseRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/cases', tag, access: 'cases:read',
    summary: 'List cases (filters: status, category, procedure, major, overdue, officerId, filedOn_gte/_lte, partyIdNumber, q)',
    schemas: { query: 'list-query' }, response: { schema: 'case', list: true },
    handler: async (req, res) => sendList(res, caseListSpec.resource, await listCases(requestContext(req), res.locals.query)),
  },
  {
    method: 'get', path: '/cases/:id', tag, access: 'cases:read', summary: 'One case with completeness, deadline state and the actions the caller may take',
    schemas: { params: 'id-params' }, response: { schema: 'case' },
    handler: async (req, res) => { res.json(await getCase(requestContext(req), req.params.id as string, requestLanguage(req))); },
  },
  {
    method: 'post', path: '/cases', tag, access: 'cases:write', summary: 'File a case (立案): numbered, two officers with valid certificates unless simple',
    schemas: { body: 'case-create' }, response: { schema: 'case' }, errors: [409],
    handler: async (req, res) => { res.status(201).json(await createCase(requestContext(req), req.body, requestLanguage(req))); },
  },
  {
    method: 'put', path: '/cases/:id', tag, access: 'cases:write', summary: 'Update a case that is not yet decided; `version` must be the one read (409 with the current record otherwise)',
    schemas: { params: 'id-params', body: 'case-update' }, response: { schema: 'case' },
    errors: [{ status: 409, schema: ['error', 'case-conflict'], description: 'The case is decided or under review, or `version` is stale (then `current` is the case as it is now)' }],
    handler: async (req, res) => { res.json(await updateCase(requestContext(req), req.params.id as string, req.body, requestLanguage(req))); },
  },
  {
    method: 'post', path: '/cases/:id/transitions', tag, access: 'cases:transition',
    summary: 'Move the case to its next step; a refused step says which precondition failed',
    schemas: { params: 'id-params', body: 'case-transition' }, response: { schema: 'case', status: 200 }, errors: TRANSITION_REFUSALS,
    handler: async (req, res) => { res.json(await transitionCase(requestContext(req), req.params.id as string, req.body, requestLanguage(req))); },
  },
  {
    method: 'post', path: '/cases/:id/parties/:partyId/reveal', tag, access: 'cases:reveal',
    summary: 'The clear ID number, phone and address of a party (audited)',
    schemas: { params: 'party-params' }, response: { schema: 'party-reveal', status: 200 },
    handler: async (req, res) => { res.set('Cache-Control', 'no-store').json(await revealPartyData(requestContext(req), req.params.id as string, req.params.partyId as string)); },
  },
  {
    method: 'get', path: '/cases/:id/timeline', tag, access: 'cases:read', summary: 'The case’s timeline, from the audit chain',
    schemas: { params: 'id-params' }, response: { schema: 'case-timeline' },
    handler: async (req, res) => { res.json(await caseTimeline(requestContext(req), req.params.id as string)); },
  },
  {
    method: 'get', path: '/case-documents', tag, access: 'cases:read', summary: 'Written records (文书) of cases; filter by caseId',
    schemas: { query: 'list-query' }, response: { schema: 'case-document', list: true },
    handler: async (req, res) => sendList(res, documentListSpec.resource, await listDocuments(requestContext(req), res.locals.query)),
  },
  {
    method: 'get', path: '/case-documents/:id', tag, access: 'cases:read', summary: 'One written record',
    schemas: { params: 'id-params' }, response: { schema: 'case-document' },
    handler: async (req, res) => { res.json(await getDocument(requestContext(req), req.params.id as string)); },
  },
  {
    method: 'post', path: '/case-documents', tag, access: 'cases:write', summary: 'Add a written record to a case that is not closed',
    schemas: { body: 'case-document-create' }, response: { schema: 'case-document' }, errors: [409],
    handler: async (req, res) => { res.status(201).json(await createDocument(requestContext(req), req.body)); },
  },
  {
    method: 'post', path: '/case-documents/:id/corrections', tag, access: 'cases:write', summary: 'Correct a written record: a new version with a reason',
    schemas: { params: 'id-params', body: 'case-document-correction' }, response: { schema: 'case-document' }, errors: [409],
    handler: async (req, res) => { res.status(201).json(await correctDocument(requestContext(req), req.params.id as string, req.body)); },
  },
  {
    method: 'put', path: '/case-documents/:id/file', tag, access: 'cases:write', summary: 'Attach the signed scan (multipart field "file"; PDF, JPEG or PNG, at most 20 MB); once only',
    schemas: { params: 'id-params' }, response: { schema: 'case-document' }, errors: [409, 413, 415],
    upload: { field: 'file', types: SCAN_TYPES, maxBytes: 20 * 1024 * 1024, signature: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' || imageSignature(h) },
    handler: async (req, res) => { res.json(await attachDocumentFile(requestContext(req), req.params.id as string, req.file!)); },
  },
  {
    method: 'get', path: '/case-documents/:id/file', tag, access: 'cases:read', summary: 'Download the scan (every access is audited)',
    schemas: { params: 'id-params' }, response: { description: 'The stored file', contentType: 'application/octet-stream' },
    handler: async (req, res) => {
      const file = await documentFileForDownload(requestContext(req), req.params.id as string);
      res.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.originalName ?? 'document')}`).set('X-Content-SHA256', file.sha256 ?? '');
      await sendStoredFile(res, file.key, file.contentType ?? 'application/octet-stream', 'private, no-store');
    },
  },
  {
    method: 'get', path: '/agencies/:id/settings', tag: 'agencies', access: 'agencies:read', summary: 'The agency’s settings (case numbers, deadlines, required documents)',
    schemas: { params: 'id-params' }, response: { schema: 'agency-settings' },
    handler: async (req, res) => { res.json(await getSettings(requestContext(req), req.params.id as string)); },
  },
  {
    method: 'put', path: '/agencies/:id/settings', tag: 'agencies', access: 'settings:write', summary: 'Change the agency’s settings (audited; `version` must be the one read)',
    schemas: { params: 'id-params', body: 'agency-settings-update' }, response: { schema: 'agency-settings' }, errors: [409],
    handler: async (req, res) => { res.json(await updateSettings(requestContext(req), req.params.id as string, req.body)); },
  },
];
