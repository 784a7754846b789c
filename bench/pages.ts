/**
 * The page benchmark: what people wait for in a browser. Our server runs as a
 * child process with the demo lab and a lab of 80 change ideas; headless
 * Chromium opens each page in a fresh context (an empty cache, as a first
 * visit) and the median of the rounds is printed for: the sign-in form shown,
 * the lab overview shown and the demo problem page editable (each also with 100 ms
 * added to every request's round trip, as for someone far from the server: not a
 * target, the cost of what the page asks for one answer after another), and the
 * 80-idea board with every card shown, beside a minimal page as the browser's own
 * cost of a visit; with the WebSockets each opened, and the bytes of JavaScript and CSS
 * each page needs before its lazy chunks (from the build).
 *
 *   npm run bench                 (all benchmarks)
 *   tsx bench/pages.ts --rounds 5 [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import * as z from 'zod';
import { ensureClientBuilt } from '../scripts/client-build';
import { type PageWeight, pageWeight } from '../scripts/client-weight';
import { signIn } from '../tests/helpers/accounts';
import { launchBrowser } from '../tests/helpers/browser';
import { median } from './quantiles';
import { ChildProcesses, type ServerProcess, startOurServer } from './server-process';
import { createApiToken, newAdminCredentials } from './workspace-access';

const repoRoot = path.resolve(import.meta.dirname, '..');
const clientDir = path.join(repoRoot, 'dist/client');
const IDEAS = 80;
/** The round trip of the far-away visit: a connection across the country or on 4G. */
const FAR_MS = 100;
const KB = 1024;

const Labs = z.object({ labs: z.array(z.object({ id: z.string(), title: z.string() })) });
const Items = z.object({ items: z.array(z.object({ id: z.string(), kind: z.string() })) });
const Created = z.object({ item: z.object({ id: z.string() }) });
const LabCreated = z.object({ lab: z.object({ id: z.string() }) });

interface Fixture {
  readonly demoLabId: string;
  readonly problemId: string;
  readonly ideasLabId: string;
  readonly cookie: string;
}

async function api<S extends z.ZodType>(
  server: ServerProcess,
  token: string,
  method: string,
  route: string,
  schema: S,
  body?: unknown,
): Promise<z.infer<S>> {
  const response = await fetch(`${server.httpBase}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}`);
  return schema.parse(await response.json());
}

async function prepare(
  server: ServerProcess,
  admin: { email: string; password: string },
): Promise<Fixture> {
  const token = await createApiToken(server.httpBase, admin);
  const { labs } = await api(server, token, 'GET', '/api/labs', Labs);
  const demo = labs[0];
  if (!demo) throw new Error('the server made no demo lab');
  const { items } = await api(server, token, 'GET', `/api/labs/${demo.id}/items`, Items);
  const problem = items.find((item) => item.kind === 'problem');
  if (!problem) throw new Error('the demo lab has no problem item');
  const created = await api(server, token, 'POST', '/api/labs', LabCreated, {
    title: `A lab with ${IDEAS} change ideas`,
  });
  for (let i = 1; i <= IDEAS; i += 1) {
    await api(server, token, 'POST', `/api/labs/${created.lab.id}/items`, Created, {
      kind: 'idea',
      title: `Change idea ${i}`,
    });
  }
  const session = await signIn(server.httpBase, admin.email, admin.password);
  return {
    demoLabId: demo.id,
    problemId: problem.id,
    ideasLabId: created.lab.id,
    cookie: session.cookie,
  };
}

interface Visit {
  readonly ms: number;
  readonly webSockets: number;
}

/**
 * Opens `url` in a fresh context and times it until `shown` resolves; with `latencyMs`,
 * every HTTP request waits that long for its answer (Chromium's network emulation).
 */
async function visit(
  browser: Browser,
  server: ServerProcess,
  cookie: string | null,
  url: string,
  shown: (page: Page) => Promise<unknown>,
  latencyMs = 0,
): Promise<Visit> {
  const context = await browser.newContext();
  try {
    if (cookie) {
      const separator = cookie.indexOf('=');
      await context.addCookies([
        {
          name: cookie.slice(0, separator),
          value: cookie.slice(separator + 1),
          url: server.httpBase,
          httpOnly: true,
          sameSite: 'Lax',
        },
      ]);
    }
    const page = await context.newPage();
    if (latencyMs > 0) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: latencyMs,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    }
    let webSockets = 0;
    page.on('websocket', () => {
      webSockets += 1;
    });
    const started = performance.now();
    await page.goto(url.startsWith('data:') ? url : `${server.httpBase}${url}`, {
      waitUntil: 'commit',
    });
    await shown(page);
    return { ms: performance.now() - started, webSockets };
  } finally {
    await context.close();
  }
}

interface Scenario {
  readonly name: string;
  readonly signedIn: boolean;
  /** Added to every HTTP request's answer: a person far from the server. */
  readonly latencyMs?: number;
  url(fixture: Fixture): string;
  shown(page: Page): Promise<unknown>;
}

/**
 * What a visit costs the browser itself on this machine, in the same rounds as the pages: a
 * fresh context and a page with one line of script that draws a button, served by no server.
 * Not a target; it tells the machine's share of the times above from the app's, as headless
 * Chromium's speed here moves by more than any change measured (see README).
 */
const REFERENCE_PAGE =
  'data:text/html,<body><script>document.body.append(Object.assign(' +
  "document.createElement('button'),{textContent:'Go'}))</script>";
const REFERENCE = 'reference: a minimal page';

const OVERVIEW: Scenario = {
  name: 'lab overview shown',
  signedIn: true,
  url: (f) => `/labs/${f.demoLabId}`,
  shown: (page) => page.getByTestId('lab-facts').waitFor(),
};

const PROBLEM_PAGE: Scenario = {
  name: 'demo problem page editable',
  signedIn: true,
  url: (f) => `/items/${f.problemId}`,
  shown: (page) => page.locator('[contenteditable="true"]').first().waitFor(),
};

/** `scenario` with every HTTP request's answer `FAR_MS` later: not a target. */
function farAway(scenario: Scenario, what: string): Scenario {
  return { ...scenario, name: `  ${what}, ${FAR_MS} ms round trips`, latencyMs: FAR_MS };
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: REFERENCE,
    signedIn: false,
    url: () => REFERENCE_PAGE,
    shown: (page) => page.getByRole('button', { name: 'Go' }).waitFor(),
  },
  {
    name: 'sign-in form shown',
    signedIn: false,
    url: () => '/sign-in',
    shown: (page) => page.getByRole('button', { name: 'Sign in' }).waitFor(),
  },
  OVERVIEW,
  farAway(OVERVIEW, 'the overview'),
  PROBLEM_PAGE,
  farAway(PROBLEM_PAGE, 'the problem page'),
  {
    name: `${IDEAS}-idea board fully shown`, // from opening the ideas page
    signedIn: true,
    url: (f) => `/labs/${f.ideasLabId}/ideas`,
    // The ideas page opens as a list; the board is one press away.
    shown: async (page) => {
      await page.getByRole('button', { name: 'Show as a board' }).click();
      await page.waitForFunction(
        (count) =>
          document.querySelectorAll('[data-testid="idea-board"] [data-testid="idea-card"]')
            .length >= count,
        IDEAS,
        { timeout: 60_000 },
      );
    },
  },
];

const WEIGHED_PAGES: ReadonlyArray<readonly [string, string]> = [
  ['sign-in (entry)', 'index.html'],
  ['lab overview', 'app/LabPage.tsx'],
  ['reviewer page', 'app/ReviewPage.tsx'],
  ['item page (shell)', 'app/ItemPage.tsx'],
  ['problem editor (lazy)', 'features/problem/ProblemEditor.tsx'],
  ['measure editor (lazy)', 'features/measures/MeasureEditor.tsx'],
  ['driver diagram (lazy)', 'features/drivers/DriverDiagram.tsx'],
];

interface Results {
  readonly rounds: number;
  /** The browser's own version: its speed here moves the times more than most changes do. */
  readonly browser: string;
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly weights: ReadonlyArray<{ readonly page: string; readonly weight: PageWeight }>;
  readonly timings: ReadonlyArray<{
    readonly name: string;
    readonly medianMs: number;
    readonly samplesMs: readonly number[];
    readonly webSockets: number;
  }>;
}

function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function report(results: Results): string {
  const lines = [
    '',
    `Pages (headless Chromium ${results.browser}, a fresh context per visit)`,
    '',
    'Bytes each page needs before its lazy chunks (JS raw / gzip / brotli; CSS raw / gzip / brotli):',
  ];
  for (const { page, weight } of results.weights) {
    lines.push(
      `  ${page.padEnd(24)} JS ${kb(weight.js.raw)} / ${kb(weight.js.gzip)} / ${kb(weight.js.brotli)}` +
        `   CSS ${kb(weight.css.raw)} / ${kb(weight.css.gzip)} / ${kb(weight.css.brotli)}`,
    );
  }
  lines.push('', `Times to shown, median of ${results.rounds} (all samples):`);
  for (const t of results.timings) {
    if (t.name === REFERENCE) continue;
    lines.push(
      `  ${t.name.padEnd(38)} ${t.medianMs.toFixed(0).padStart(6)} ms   ` +
        `(${t.samplesMs.map((ms) => ms.toFixed(0)).join(', ')})   WebSockets opened: ${t.webSockets}`,
    );
  }
  const reference = results.timings.find((t) => t.name === REFERENCE);
  if (reference) {
    lines.push(
      `  ${REFERENCE.padEnd(38)} ${reference.medianMs.toFixed(0).padStart(6)} ms   ` +
        `(${reference.samplesMs.map((ms) => ms.toFixed(0)).join(', ')})   the browser's own ` +
        'cost of a visit on this machine (a fresh context, one line of script, no server)',
    );
  }
  lines.push(
    '',
    `load average (1 min): ${results.loadAverage.start.toFixed(2)} at start, ` +
      `${results.loadAverage.end.toFixed(2)} at end (other work on this machine skews the figures)`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
    },
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number');
  await ensureClientBuilt((line) => process.stderr.write(`${line}\n`));
  const loadAtStart = loadavg()[0] ?? 0;
  const children = new ChildProcesses();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'improvement-lab-pages-'));
  const admin = newAdminCredentials();
  let browser: Browser | null = null;
  let server: ServerProcess | null = null;
  try {
    server = await startOurServer(
      { repoRoot, children, admin, nodeArgs: [], env: { DEMO: 'true' } },
      dataDir,
    );
    const fixture = await prepare(server, admin);
    browser = await launchBrowser();
    const samples = new Map<string, { ms: number[]; webSockets: number }>();
    // Rounds alternate the scenarios so a burst of other work hits them alike.
    for (let round = 0; round < rounds; round += 1) {
      for (const scenario of SCENARIOS) {
        const result = await server.guard(
          visit(
            browser,
            server,
            scenario.signedIn ? fixture.cookie : null,
            scenario.url(fixture),
            scenario.shown,
            scenario.latencyMs,
          ),
        );
        const entry = samples.get(scenario.name) ?? { ms: [], webSockets: 0 };
        entry.ms.push(result.ms);
        entry.webSockets = Math.max(entry.webSockets, result.webSockets);
        samples.set(scenario.name, entry);
      }
    }
    const results: Results = {
      rounds,
      browser: browser.version(),
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      weights: WEIGHED_PAGES.map(([page, key]) => ({ page, weight: pageWeight(clientDir, key) })),
      timings: SCENARIOS.map((scenario) => {
        const entry = samples.get(scenario.name) ?? { ms: [], webSockets: 0 };
        return {
          name: scenario.name,
          medianMs: median(entry.ms),
          samplesMs: entry.ms,
          webSockets: entry.webSockets,
        };
      }),
    };
    process.stdout.write(values.json ? `${JSON.stringify(results)}\n` : `${report(results)}\n`);
  } finally {
    await browser?.close();
    await server?.stop().catch(() => undefined);
    children.killAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
