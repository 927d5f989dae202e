// Browsable API documentation at /api/docs (Swagger UI from swagger-ui-dist, no inline script so
// the Content-Security-Policy stays strict).
import express, { Router } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';

const page = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>API 文档 · 行政执法三项制度</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true,
  requestInterceptor: (req) => { const t = localStorage.getItem('auth.token'); if (t && !req.headers.Authorization) req.headers.Authorization = 'Bearer ' + t; return req; } });`;

export function apiDocsRouter(): Router {
  const router = Router();
  router.use('/docs/assets', express.static(getAbsoluteFSPath(), { index: false, maxAge: '1d' }));
  router.get('/docs/init.js', (_req, res) => { res.type('application/javascript').send(init); });
  return router;
}

export const apiDocsPage = page;
