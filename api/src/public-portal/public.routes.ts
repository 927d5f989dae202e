import type { Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { config } from '../config';
import { AppError } from '../platform/errors';
import { sendList } from '../platform/http/listing';
import type { RouteSpec } from '../platform/http/route';
import { sendStoredFile } from '../platform/storage/file-store';
import {
  certificatePhoto, checkCertificate, getPublicAgency, listPublicAgencies, listPublicOfficers, listPublicPowers,
  publicAgencySpec, publicOfficerSpec, publicPowerSpec,
} from './public.service';

const tag = 'public';

/** Published lists change rarely: let browsers and proxies keep them a minute (Express adds the ETag). */
const cacheable = (res: Response) => res.set('Cache-Control', 'public, max-age=60');

/** Per-IP limit for the anonymous portal API, mounted on /api/public by app.ts. */
export function publicRateLimit() {
  return rateLimit({
    windowMs: 60_000,
    limit: config().publicRateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError(429, 'public.rate_limited')),
  });
}

export const publicRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/public/agencies', tag, access: 'public', summary: 'Announced enforcement subjects (执法主体公示)',
    schemas: { query: 'list-query' }, response: { schema: 'public-agency', list: true }, errors: [429],
    handler: async (_req, res) => { cacheable(res); sendList(res, publicAgencySpec.resource, await listPublicAgencies(res.locals.query)); },
  },
  {
    method: 'get', path: '/public/agencies/:id', tag, access: 'public', summary: 'One announced agency with its power list',
    schemas: { params: 'id-params' }, response: { schema: 'public-agency-detail' }, errors: [429],
    handler: async (req, res) => { cacheable(res); res.json(await getPublicAgency(req.params.id as string)); },
  },
  {
    method: 'get', path: '/public/powers', tag, access: 'public', summary: 'Power-list items of announced agencies (权责清单公示)',
    schemas: { query: 'list-query' }, response: { schema: 'public-power', list: true }, errors: [429],
    handler: async (_req, res) => { cacheable(res); sendList(res, publicPowerSpec.resource, await listPublicPowers(res.locals.query)); },
  },
  {
    method: 'get', path: '/public/officers', tag, access: 'public', summary: 'Officer directory: name, agency, post, certificate number and validity (执法人员公示)',
    schemas: { query: 'list-query' }, response: { schema: 'public-officer', list: true }, errors: [429],
    handler: async (_req, res) => { cacheable(res); sendList(res, publicOfficerSpec.resource, await listPublicOfficers(res.locals.query)); },
  },
  {
    method: 'get', path: '/public/certificates/:token', tag, access: 'public', summary: 'Certificate check by QR token, in real time (扫码亮证)',
    schemas: { params: 'token-params' }, response: { schema: 'public-certificate-check' }, errors: [429],
    handler: async (req, res) => { res.set('Cache-Control', 'no-store'); res.json(await checkCertificate(req.params.token as string)); },
  },
  {
    method: 'get', path: '/public/certificates/:token/photo', tag, access: 'public', summary: 'The officer’s photo on the certificate check page',
    schemas: { params: 'token-params' }, response: { description: 'Image', contentType: 'image/*' }, errors: [429],
    handler: async (req, res) => {
      const photo = await certificatePhoto(req.params.token as string);
      await sendStoredFile(res, photo.key, photo.contentType ?? 'application/octet-stream', 'public, max-age=300');
    },
  },
];
