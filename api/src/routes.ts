// The route table of the whole API: it builds the router and the OpenAPI document.
import { agencyRoutes } from './agencies/agency.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { healthRoutes } from './health/health.routes';
import { apiDocsPage } from './platform/http/api-docs';
import { buildOpenApi } from './platform/http/openapi';
import type { RouteSpec } from './platform/http/route';
import { userRoutes } from './users/user.routes';
import { officerRoutes } from './officers/officer.routes';
import { certificateRoutes } from './certificates/certificate.routes';
import { powerRoutes } from './powers/power-item.routes';
import { publicRoutes } from './public-portal/public.routes';
import { reportRoutes } from './reports/report.routes';
import { caseRoutes } from './cases/case.routes';
import { calendarRoutes } from './calendar/calendar.routes';
import { notificationRoutes } from './notifications/notification.routes';
import { reviewRoutes } from './reviews/review.routes';
import { recordingRoutes } from './recordings/recording.routes';

const version = (require('../../package.json') as { version: string }).version;

let openApiDocument: Record<string, unknown> | undefined;

const docsRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/openapi.json', tag: 'docs', access: 'public', summary: 'This OpenAPI 3.1 document',
    response: { schema: 'openapi-document' },
    handler: (_req, res) => { openApiDocument ??= buildOpenApi(routeTable, version); res.json(openApiDocument); },
  },
  {
    method: 'get', path: '/docs', tag: 'docs', access: 'public', summary: 'Browsable API documentation (Swagger UI)',
    response: { description: 'HTML page', contentType: 'text/html' },
    handler: (_req, res) => { res.type('html').send(apiDocsPage); },
  },
];

export const routeTable: RouteSpec[] = [
  ...healthRoutes,
  ...authRoutes,
  ...agencyRoutes,
  ...userRoutes,
  ...powerRoutes,
  ...officerRoutes,
  ...certificateRoutes,
  ...reportRoutes,
  ...caseRoutes,
  ...calendarRoutes,
  ...notificationRoutes,
  ...reviewRoutes,
  ...recordingRoutes,
  ...auditRoutes,
  ...publicRoutes,
  ...docsRoutes,
];
