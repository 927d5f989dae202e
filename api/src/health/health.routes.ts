import { pingDatabase } from '../platform/database/connection';
import type { RouteSpec } from '../platform/http/route';

export const healthRoutes: RouteSpec[] = [
  {
    method: 'get', path: '/health', tag: 'health', access: 'public',
    summary: 'Liveness and database reachability (a real ping)',
    response: { schema: 'health', alsoStatuses: [503] },
    handler: async (_req, res) => {
      const up = await pingDatabase();
      if (!up) res.set('Retry-After', '5');
      res.status(up ? 200 : 503).json({ status: up ? 'ok' : 'degraded', db: up ? 'up' : 'down' });
    },
  },
];
