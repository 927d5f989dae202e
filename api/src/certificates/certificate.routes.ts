import QRCode from 'qrcode';
import { sendList } from '../platform/http/listing';
import { requestContext, type RouteSpec } from '../platform/http/route';
import { certificateListSpec, findCertificate, getCertificate, issueCertificate, listCertificates, revokeCertificate, rotateQrToken, updateCertificate, verifyUrl } from './certificate.service';

const tag = 'certificates';


export const certificateRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/certificates', tag, access: 'certificates:read', summary: 'List enforcement certificates (执法证) with their computed state',
    schemas: { query: 'list-query' }, response: { schema: 'certificate', list: true },
    handler: async (req, res) => sendList(res, certificateListSpec.resource, await listCertificates(requestContext(req), res.locals.query)),
  },
  {
    method: 'get', path: '/certificates/:id', tag, access: 'certificates:read', summary: 'One certificate with its computed state',
    schemas: { params: 'id-params' }, response: { schema: 'certificate' },
    handler: async (req, res) => { res.json(await getCertificate(requestContext(req), req.params.id as string)); },
  },
  {
    method: 'post', path: '/certificates', tag, access: 'certificates:write', summary: 'Issue a certificate; the officer’s current one becomes "replaced" (换证)',
    schemas: { body: 'certificate-create' }, response: { schema: 'certificate' }, errors: [409],
    handler: async (req, res) => { res.status(201).json(await issueCertificate(requestContext(req), req.body)); },
  },
  {
    method: 'put', path: '/certificates/:id', tag, access: 'certificates:write', summary: 'Correct a certificate that is in force',
    schemas: { params: 'id-params', body: 'certificate-update' }, response: { schema: 'certificate' }, errors: [409],
    handler: async (req, res) => { res.json(await updateCertificate(requestContext(req), req.params.id as string, req.body)); },
  },
  {
    method: 'post', path: '/certificates/:id/revoke', tag, access: 'certificates:write', summary: 'Revoke a certificate with a reason (注销)',
    schemas: { params: 'id-params', body: 'reason-body' }, response: { schema: 'certificate', status: 200 }, errors: [409],
    handler: async (req, res) => { res.json(await revokeCertificate(requestContext(req), req.params.id as string, req.body.reason)); },
  },
  {
    method: 'post', path: '/certificates/:id/rotate-token', tag, access: 'certificates:write', summary: 'Issue a new QR token; printed codes with the old one stop working',
    schemas: { params: 'id-params' }, response: { schema: 'certificate', status: 200 },
    handler: async (req, res) => { res.json(await rotateQrToken(requestContext(req), req.params.id as string)); },
  },
  {
    method: 'get', path: '/certificates/:id/qr.png', tag, access: 'certificates:read', summary: 'QR code (PNG) of the certificate’s public check address',
    schemas: { params: 'id-params' }, response: { description: 'PNG image', contentType: 'image/png' },
    handler: async (req, res) => {
      const certificate = await findCertificate(requestContext(req), req.params.id as string);
      const png = await QRCode.toBuffer(verifyUrl(certificate.qrToken), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 });
      res.type('png').set('Cache-Control', 'private, no-cache').send(png);
    },
  },
  {
    method: 'get', path: '/certificates/:id/qr.svg', tag, access: 'certificates:read', summary: 'QR code (SVG) of the certificate’s public check address',
    schemas: { params: 'id-params' }, response: { description: 'SVG image', contentType: 'image/svg+xml' },
    handler: async (req, res) => {
      const certificate = await findCertificate(requestContext(req), req.params.id as string);
      const svg = await QRCode.toString(verifyUrl(certificate.qrToken), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      res.type('image/svg+xml').set('Cache-Control', 'private, no-cache').send(svg);
    },
  },
];
