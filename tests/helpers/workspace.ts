/**
 * Starts a real workspace server in this process on a free port with its own
 * data directory, and removes both afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startWorkspaceServer, type WorkspaceServer } from '../../server/app';
import type { Config } from '../../server/config';
import type { VersionPolicy } from '../../server/history/history-service';
import { createMemoryLogger, type LogRecord } from '../../server/logger';
import type { DocStore } from '../../server/store/doc-store';
import type { MetaStore } from '../../server/store/meta-store';
import { ACCESS_TOKEN_PARAM } from '../../server/sync/authorize-upgrade';
import type { CompactionPolicy } from '../../server/sync/compaction-policy';
import { Limits, SyncLimits } from '../../shared/limits';
import type { SharingState } from '../../shared/roles';
import { addItem, addLab, addPerson, TEST_PASSWORD_HASH_COST, type TestPerson } from './accounts';
import { waitFor } from './wait';

export interface TestWorkspace {
  server: WorkspaceServer;
  /** A facilitator of `labId`, with an API token. */
  readonly owner: TestPerson;
  readonly labId: string;
  /** Registers `docId` as an item of the test lab, so that members may open it. */
  registerDoc(docId: string, sharing?: SharingState): Promise<string>;
  /** Query parameters that authenticate a stock client as `person` (the owner by default). */
  auth(person?: TestPerson): Record<string, string>;
  readonly url: string;
  readonly dataDir: string;
  readonly logs: LogRecord[];
  /** Waits for a log record whose message is `message` (and that `match` accepts). */
  waitForLog(
    message: string,
    match?: (record: LogRecord) => boolean,
    timeoutMs?: number,
  ): Promise<LogRecord>;
  /** Stops the server and starts a new one on the same data directory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function makeDataDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'improvement-lab-test-'));
}

export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    clientDir: path.resolve('dist/client'),
    logLevel: 'debug',
    demo: false,
    admin: null,
    publicUrl: null,
    sessionTtlMs: 60 * 60 * 1000,
    trustProxy: 0,
    passwordHashCost: TEST_PASSWORD_HASH_COST,
    maxDocumentBytes: Limits.maxDocumentBytes,
    sync: SyncLimits,
    database: null,
    redis: null,
    oidc: null,
    metricsToken: null,
    mail: null,
    ...overrides,
  };
}

export async function startTestWorkspace(
  options: {
    config?: Partial<Config>;
    compaction?: CompactionPolicy;
    now?: () => Date;
    sessionPurgeIntervalMs?: number;
    /** A MetaStore to use instead of lowdb (e.g. one whose writes a test holds back). */
    meta?: MetaStore;
    /** When versions are taken automatically. */
    versionPolicy?: VersionPolicy;
    /** Makes the DocStore for each start, given the data directory (e.g. with failing fsyncs). */
    store?: (dataDir: string) => DocStore;
    /** How soon notification emails go out and how often digests are checked. */
    notificationEmail?: { gatherMs?: number; checkEveryMs?: number };
  } = {},
): Promise<TestWorkspace> {
  const dataDir = await makeDataDir();
  const logger = createMemoryLogger();
  const start = () =>
    startWorkspaceServer({
      config: testConfig(dataDir, options.config),
      logger,
      ...(options.compaction ? { compaction: options.compaction } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.sessionPurgeIntervalMs
        ? { sessionPurgeIntervalMs: options.sessionPurgeIntervalMs }
        : {}),
      ...(options.meta ? { meta: options.meta } : {}),
      ...(options.versionPolicy ? { versionPolicy: options.versionPolicy } : {}),
      ...(options.store ? { store: options.store(dataDir) } : {}),
      ...(options.notificationEmail ? { notificationEmail: options.notificationEmail } : {}),
    });
  let server = await start();
  let stopped = false;
  const owner = await addPerson(server.meta, 'Olivia Owner');
  const labId = await addLab(server.meta, owner.user);
  const workspace: TestWorkspace = {
    owner,
    labId,
    registerDoc: (docId, sharing = 'draft') => addItem(server.meta, labId, docId, { sharing }),
    auth: (person = owner) => ({ [ACCESS_TOKEN_PARAM]: person.token }),
    get server() {
      return server;
    },
    get url() {
      return server.url;
    },
    dataDir,
    logs: logger.records,
    waitForLog(message, match = () => true, timeoutMs = undefined) {
      const seen = logger.records.length;
      let found: LogRecord | undefined;
      return waitFor(
        `log "${message}"`,
        () => {
          found = logger.records.slice(seen).find((r) => r.message === message && match(r));
          return found !== undefined;
        },
        (notify) => logger.subscribe(notify),
        timeoutMs,
      ).then(() => found as LogRecord);
    },
    async restart() {
      await server.close();
      server = await start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return workspace;
}
