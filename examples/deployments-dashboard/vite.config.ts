// Vite builds the widget from web/ into web/dist; it sits at the package root because `npm run build` runs `vite build` here.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** In `vite dev`, API calls go to a server started with `PORT=8080 node server/main.ts` (or DASHBOARD_API). */
const apiTarget = process.env.DASHBOARD_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': apiTarget, '/healthz': apiTarget, '/version': apiTarget },
  },
});
