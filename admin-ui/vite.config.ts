import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server (api/) serves the built console from admin-ui/dist at `/` with an SPA fallback;
// during development Vite serves the console and forwards `/api` to the API server.
export default defineConfig({
    base: '/',
    plugins: [react()],
    server: {
        port: 5173,
        strictPort: true,
        proxy: {
            '/api': {
                target: 'http://localhost:3000',
                changeOrigin: true,
            },
        },
    },
    preview: {
        port: 4173,
        proxy: {
            '/api': {
                target: 'http://localhost:3000',
                changeOrigin: true,
            },
        },
    },
    build: {
        outDir: 'dist',
        emptyOutDir: true,
        sourcemap: true,
        chunkSizeWarningLimit: 2000,
    },
});
