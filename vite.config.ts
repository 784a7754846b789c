import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The client lives in `client/`; `npm run dev` proxies API and sync to the server. */
const serverPort = Number(process.env.PORT ?? 8787);

export default defineConfig({
  root: 'client',
  plugins: [react()],
  resolve: {
    // NHS.UK frontend's stylesheet points at its icons under /assets/images; bundle them from the package.
    alias: [
      {
        find: /^\/assets\/images\/(.*)$/,
        replacement: path.resolve(
          import.meta.dirname,
          'node_modules/nhsuk-frontend/dist/nhsuk/assets/images/$1',
        ),
      },
    ],
  },
  // NHS.UK frontend's stylesheet arrives minified, with old-browser hacks that CSS minifiers reject.
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    cssMinify: false,
    // One page: the editor (ProseMirror + Yjs) is most of the bundle, and it is all needed at once.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://localhost:${serverPort}`,
      '/sync': { target: `ws://localhost:${serverPort}`, ws: true },
    },
  },
});
