import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { nhsukCss } from './scripts/nhsuk-css-plugin.ts';
import { precompress } from './scripts/precompress-plugin.ts';

/** The client lives in `client/`; `npm run dev` proxies API and sync to the server. */
const serverPort = Number(process.env.PORT ?? 8787);

export default defineConfig({
  root: 'client',
  plugins: [react(), nhsukCss(), precompress()],
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
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Source maps would publish the whole source tree beside the app: none in the build.
    sourcemap: false,
    // Lists each page's chunks and CSS, for the page-weight test and benchmark.
    manifest: true,
    // Not Vite's default minifier: lightningcss rounds numbers to 5 decimals, which takes
    // NHS.UK frontend's line heights off whole pixels (28px becomes 27.9999px) and moves text.
    cssMinify: 'esbuild',
    // The editor's libraries are one chunk of about 430 KB, loaded only by item pages.
    chunkSizeWarningLimit: 450,
    rolldownOptions: {
      output: {
        // Libraries in chunks of their own, so a release that changes only our
        // code leaves them cached, and pages that share them fetch them once.
        // A group takes its modules' dependencies too, so Yjs is claimed before
        // the editor (y-prosemirror depends on it) would pull it in.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](?:react|react-dom|scheduler)[\\/]/,
              priority: 3,
            },
            {
              name: 'yjs',
              test: /node_modules[\\/](?:yjs|lib0|y-protocols|y-websocket)[\\/]/,
              priority: 2,
            },
            {
              name: 'editor',
              test: /node_modules[\\/](?:@tiptap|prosemirror-[a-z-]+|y-prosemirror|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://localhost:${serverPort}`,
      '/sync': { target: `ws://localhost:${serverPort}`, ws: true },
    },
  },
});
