/**
 * The import boundaries of the codebase, checked by `npm run boundaries` (part of `npm test`).
 * docs/ARCHITECTURE.md ("Boundaries") says why each rule exists.
 *
 * Paths are relative to the folder that is cruised: the repository root, or the probe folder
 * of tests/unit/boundaries.test.ts, which mirrors the layout with files that break each rule.
 *
 * An exception would be named, say why, and be listed here only while a planned change removes it.
 */

// Node-only packages: the server's HTTP, socket, database, file and document libraries.
const NODE_ONLY_PACKAGES = [
  '@hono/node-server',
  'ws',
  'pg',
  'lowdb',
  'pdfkit',
  'docx',
  'dejavu-fonts-ttf',
  '@y/websocket-server',
];
// Browser-only packages: React's DOM renderer, the editor's React view, IndexedDB, the
// stock WebSocket provider and the design system's scripts.
const DOM_ONLY_PACKAGES = [
  'react-dom',
  '@tiptap/react',
  'y-indexeddb',
  'y-websocket',
  'nhsuk-frontend',
];
const packagePaths = (names) => `(^|/)node_modules/(${names.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-no-node',
      comment: 'shared/ runs in the browser too: no Node-only packages.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: packagePaths(NODE_ONLY_PACKAGES) },
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'shared/ runs in the browser too: no Node built-in modules.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-no-dom',
      comment: 'shared/ runs on the server too: no browser-only packages.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: packagePaths(DOM_ONLY_PACKAGES) },
    },
    {
      name: 'shared-no-client-or-server',
      comment: 'shared/ is imported by client and server and imports neither.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(client|server)/' },
    },
    {
      name: 'features-independent',
      comment:
        'A client feature does not import another feature: pages (client/app/) compose them, and what two features need lives in client/lib/ or shared/.',
      severity: 'error',
      from: { path: '^client/features/([^/]+)/' },
      to: { path: '^client/features/', pathNot: '^client/features/$1/' },
    },
    {
      name: 'store-below-api-sync-export',
      comment:
        'server/store/ is the bottom layer: it imports nothing from the API, sync or exports, which are built on it.',
      severity: 'error',
      from: { path: '^server/store/' },
      to: { path: '^server/(api|sync|export)/' },
    },
    {
      name: 'sync-and-exports-not-api',
      comment:
        "The HTTP API, sync and exports are siblings on top of the stores: sync and exports do not reach into server/api/. What they share with it (who is signed in, CSRF, origin, item access) is in server/auth/, below all three; the exports' routes are API routes (server/api/routes/).",
      severity: 'error',
      from: { path: '^server/(sync|export)/' },
      to: { path: '^server/api/' },
    },
    {
      name: 'auth-below-api-sync-export',
      comment:
        'server/auth/ (sessions, tokens, CSRF, origin, who is asking, item access) is used by the API and by sync alike, so it imports neither, nor the exports.',
      severity: 'error',
      from: { path: '^server/auth/' },
      to: { path: '^server/(api|sync|export)/' },
    },
    {
      name: 'client-not-server',
      comment: 'The client is built for the browser: it imports no server code.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-client',
      comment: 'The server does not import the client: it serves the built client as files.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data)/' },
    // TypeScript 7's package has no JavaScript compiler API, so dependency-cruiser reads
    // .ts/.tsx through Babel's TypeScript preset (and @swc/core, installed beside it, is what
    // makes it scan those extensions at all). Babel drops `import type` lines, so these rules
    // see value imports only; the per-layer tsconfigs catch shared/ reaching for types it
    // cannot see.
    babelConfig: { fileName: `${__dirname}/.dependency-cruiser.babel.json` },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types'],
    },
    skipAnalysisNotInRules: true,
  },
};
