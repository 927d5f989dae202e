import { requestContext, type RouteSpec } from '../platform/http/route';
import { XLSX_TYPE } from '../powers/power-item.excel';
import { cleanupReport, cleanupReportWorkbook } from './cleanup.service';

const tag = 'reports';

const options = (q: { agencyId?: string; days?: string }) => ({ agencyId: q.agencyId, days: q.days ? Number(q.days) : undefined });

export const reportRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/reports/cleanup', tag, access: 'reports:read',
    summary: 'Clean-up report: accounts without lawful basis, officers without a valid certificate, certificates expiring soon',
    schemas: { query: 'cleanup-query' }, response: { schema: 'cleanup-report' },
    handler: async (req, res) => { res.json(await cleanupReport(requestContext(req), options(res.locals.query))); },
  },
  {
    method: 'get', path: '/reports/cleanup.xlsx', tag, access: 'reports:read', summary: 'The clean-up report as an Excel workbook',
    schemas: { query: 'cleanup-query' }, response: { description: 'Excel workbook', contentType: XLSX_TYPE },
    handler: async (req, res) => {
      const report = await cleanupReport(requestContext(req), options(res.locals.query));
      res.type(XLSX_TYPE).set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`执法人员清理核查-${report.today}.xlsx`)}`);
      res.send(await cleanupReportWorkbook(report));
    },
  },
];
