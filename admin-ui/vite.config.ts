import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server (api/) serves the built console from admin-ui/dist at `/` with an SPA fallback;
// during development Vite serves the console and forwards `/api` to the API server, by default the one
// on port 3000; API_PROXY_TARGET points it elsewhere (e.g. a second API instance for a parallel session).
const apiProxy = {
    '/api': {
        target: process.env.API_PROXY_TARGET || 'http://localhost:3000',
        changeOrigin: true,
    },
};

export default defineConfig({
    base: '/',
    plugins: [react()],
    server: {
        port: 5173,
        strictPort: true,
        proxy: apiProxy,
    },
    preview: {
        port: 4173,
        proxy: apiProxy,
    },
    build: {
        outDir: 'dist',
        emptyOutDir: true,
        // react-admin + MUI make one ~1.1 MB chunk (350 kB gzipped), fetched once and cached by the server.
        chunkSizeWarningLimit: 2000,
    },
});
