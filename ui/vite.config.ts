import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server proxies every collector route so `npm run dev` works against a local collector.
const collector = 'http://127.0.0.1:8080';
const proxied = ['/api', '/events', '/health', '/healthz', '/status', '/v1', '/auth'];

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    port: 3005,
    proxy: Object.fromEntries(
      proxied.map((path) => [path, { target: collector, changeOrigin: true }]),
    ),
  },
});
