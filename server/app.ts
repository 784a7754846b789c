/**
 * Assembles the workspace server: HTTP API, the sync endpoint and the built
 * client on one port, over the embedded stores. `startWorkspaceServer` is what
 * `npm start` and the tests run; its `close` is the graceful shutdown.
 */
import { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { CloseCode } from '../shared/close-codes';
import { COMMENTS_MAP, commentsDocId, readComments } from '../shared/comments';
import { initItemDoc, setTitle } from '../shared/documents/item-doc';
import { migrateItemDoc, needsMigration } from '../shared/documents/migrate';
import { groupNotesDocId } from '../shared/network/groups';
import type { UserRecord } from '../shared/schemas/records';
import { createApiApp } from './api/api-app';
import { bootstrapAdmin } from './api/bootstrap-admin';
import { startCommentRetention } from './api/comment-retention';
import type { AccessChange, ApiDeps } from './api/context';
import { mountExportRoutes } from './api/routes/export-routes';
import { visibleItemKind } from './auth/item-access';
import { createRequestThrottles } from './auth/request-throttles';
import { readSessionCookie } from './auth/session-cookie';
import { startSessionPurge } from './auth/session-purge';
import { mountBackupRoutes } from './backup/backup-routes';
import { removeStaleSnapshots, takeSnapshot } from './backup/snapshot';
import { bodyLimits } from './body-limits';
import type { Config } from './config';
import { createMailer } from './email/mailer';
import { createCommentSource } from './export/comment-source';
import { createDocReader } from './export/doc-reader';
import { HistoryService, type VersionPolicy } from './history/history-service';
import { listenOn } from './listen';
import type { Logger } from './logger';
import { startEmailDigests } from './notifications/email-digests';
import { createNotifier } from './notifications/notifier';
import { syncMetricSources } from './ops/metric-sources';
import { createServerMetrics } from './ops/metrics';
import { opsRoutes } from './ops/ops-routes';
import { createReadiness, type ReadinessCheck, shutdownCheck, storeCheck } from './ops/readiness';
import { requestContext } from './ops/request-context';
import { remoteAccessHandler } from './scale/remote-access';
import { securityHeaders } from './security-headers';
import { serveClient } from './static-client';
import type { DocStore } from './store/doc-store';
import type { HistoryStore } from './store/history-store';
import type { MetaStore } from './store/meta-store';
import { observeItemChanges } from './store/observed-items';
import { openStores } from './store/open-stores';
import type { PostgresDatabase } from './store/postgres/database';
import { startAccessExpirySweep } from './sync/access-expiry';
import { type CompactionPolicy, DEFAULT_COMPACTION_POLICY } from './sync/compaction-policy';
import { createContributionRecorder } from './sync/contribution-recorder';
import { warmUpEncoder } from './sync/encoder-warmup';
import { createFactsBackfill } from './sync/facts-backfill';
import { createItemRegistrySync } from './sync/item-registry-sync';
import { LabFeeds, type SocketAccess } from './sync/lab-feeds';
import { RoomRegistry } from './sync/room-registry';
import { attachSyncEndpoint } from './sync/sync-endpoint';

const API_PREFIX = '/api';

export interface WorkspaceServerOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** Defaults to the append-only log under `dataDir/docs`, or PostgreSQL when configured. */
  readonly store?: DocStore;
  /** Defaults to lowdb at `dataDir/meta.json`, or PostgreSQL when configured. */
  readonly meta?: MetaStore;
  readonly compaction?: CompactionPolicy;
  readonly now?: () => Date;
  /** How often expired sessions are purged (they always are at start); hourly by default. */
  readonly sessionPurgeIntervalMs?: number;
  /** How often expired reviewers' comments are erased (they always are at start); hourly by default. */
  readonly commentRetentionIntervalMs?: number;
  /** Defaults to PostgreSQL's with DATABASE_URL, else files under `dataDir/history`. */
  readonly history?: HistoryStore;
  /** When versions are taken automatically (`DEFAULT_VERSION_POLICY`). */
  readonly versionPolicy?: VersionPolicy;
  /** How soon notification emails go out after gathering, and how often digests are checked. */
  readonly notificationEmail?: { readonly gatherMs?: number; readonly checkEveryMs?: number };
  /** More for `/readyz` to check beyond the stores' own probes (e.g. a Redis connection). */
  readonly readinessChecks?: readonly ReadinessCheck[];
}

export interface WorkspaceServer {
  readonly port: number;
  /** `http://host:port`, with `localhost` for a wildcard host. */
  readonly url: string;
  readonly registry: RoomRegistry;
  readonly history: HistoryService;
  readonly store: DocStore;
  readonly meta: MetaStore;
  /** The PostgreSQL database in scale-out mode (its `ping()` tells whether it answers), else null. */
  readonly database: PostgresDatabase | null;
  /** Where to finish setting up when no administrator exists yet. */
  readonly setupPath: string | null;
  /** Erases reviewers' comments whose lab's retention has run out now; returns how many. */
  eraseExpiredComments(): Promise<number>;
  /** Graceful shutdown: stop accepting, flush, close sockets as "server restarting". */
  close(): Promise<void>;
}

type CloseSockets = (match: (access: SocketAccess) => boolean, code: CloseCode) => void;

function accessChangeHandler(closeSockets: CloseSockets) {
  // Closing is the downgrade: the client reconnects at once and gets the new
  // rights at upgrade (or is refused, if removed).
  return ({ labId, userId, role }: AccessChange) => {
    const code = role === null ? CloseCode.Forbidden : CloseCode.RightsChanged;
    closeSockets((c) => c.labId === labId && c.user.id === userId, code);
  };
}

export async function startWorkspaceServer(
  options: WorkspaceServerOptions,
): Promise<WorkspaceServer> {
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  const metrics = createServerMetrics();
  // Scale-out across processes: Redis first, as the metadata store needs this
  // process's id to share the schema with the others. Loaded only when configured.
  const scale = config.redis
    ? await (await import('./scale/scale-out')).startScaleOut({ ...config.redis, logger })
    : null;
  let stores: Awaited<ReturnType<typeof openStores>>;
  try {
    stores = await openStores(config, logger, {
      store: options.store,
      meta: options.meta,
      wrapFsync: metrics.timedFsync,
      observeCommit: metrics.observeCommit,
      writer: scale?.processId ?? null,
    });
  } catch (error) {
    await scale?.close();
    throw error;
  }
  const { database, store, meta: storedMeta, snapshotText } = stores;
  const snapshot = snapshotText
    ? () => takeSnapshot({ dataDir: config.dataDir, metaText: snapshotText, now })
    : null;
  if (snapshot) await removeStaleSnapshots(config.dataDir);
  const feeds = new LabFeeds({
    meta: storedMeta,
    logger,
    onShown: (items) => factsBackfill.ensure(items),
  });
  // Every change to the item registry, whoever makes it, reaches the lab feeds.
  const meta = observeItemChanges(storedMeta, (itemId) => feeds.itemChanged(itemId));
  const itemRegistry = createItemRegistrySync(meta, logger, now);
  const history = new HistoryService({
    store: options.history ?? stores.history,
    logger,
    now,
    ...(options.versionPolicy ? { policy: options.versionPolicy } : {}),
    read: (docId, read) => registry.read(docId, read),
    isItem: (docId) => meta.getItem(docId) !== null,
  });
  const recordContribution = createContributionRecorder(meta, logger, now);
  const registry = new RoomRegistry({
    store,
    logger,
    compaction: options.compaction ?? DEFAULT_COMPACTION_POLICY,
    maxDocumentBytes: config.maxDocumentBytes,
    limits: config.sync,
    prepare: (docId, doc) => {
      history.loaded(docId, doc);
      const kind = meta.getItem(docId)?.kind;
      if (!kind || !needsMigration(doc, kind)) return null;
      // Always a version before a migration, of the document as it was stored (a new
      // item's empty document has nothing to keep).
      if (doc.store.clients.size > 0)
        history.capture(docId, doc, { reason: 'before-migration' }).catch((error: unknown) => {
          logger.error('version before migration failed', { docId, error });
        });
      return (d) => migrateItemDoc(d, kind);
    },
    onUpdated: (docId, source, userId, update, written) => {
      itemRegistry.onUpdated(docId, source, userId);
      // What the update check read of it, when it has it, so it is not decoded again.
      history.updated(docId, () => source.doc, userId, written ?? update);
      recordContribution(docId, source, userId);
    },
    itemKind: (docId) => meta.getItem(docId)?.kind ?? null,
    meter: metrics.sync,
    fanout: scale?.fanout ?? null,
  });
  metrics.watch(syncMetricSources(registry, meta, scale?.link ?? null));
  const factsBackfill = createFactsBackfill({
    meta,
    read: (docId, read) => registry.read(docId, read),
    logger,
  });
  const closeSockets: CloseSockets = (match, code) => {
    registry.closeConnections(match, code);
    feeds.closeConnections(match, code);
  };
  const mailer = config.mail ? createMailer(config.mail, logger) : null;
  // PUBLIC_URL when set; otherwise the address this server listens at (known once it does).
  let ownUrl = '';
  const publicUrl = () => (config.publicUrl ?? ownUrl).replace(/\/+$/, '');
  const notifier = createNotifier({
    meta,
    logger,
    digests: mailer
      ? startEmailDigests({
          meta,
          mailer,
          logger,
          now,
          publicUrl,
          readComments: (itemId) =>
            registry.read(commentsDocId(itemId), (doc) => readComments(doc.getMap(COMMENTS_MAP))),
          ...options.notificationEmail,
        })
      : null,
  });
  if (scale && storedMeta.shared) {
    await scale.shareMeta(
      storedMeta.shared,
      remoteAccessHandler({
        closeSockets,
        closeDocSockets: (match, code) => registry.closeConnections(match, code),
        itemChanged: (itemId) => feeds.itemChanged(itemId),
        notificationsChanged: (userId) => notifier.changed(userId),
      }),
    );
  }
  const presence = scale?.sharePresence(() => registry.presenceByLab()) ?? null;
  if (presence) registry.onRoomsChanged(() => presence.changed());
  // The demo lab's content is loaded only when the first administrator is made.
  const onAdminCreated = async (user: UserRecord) => {
    if (config.demo)
      await (await import('./demo/seed-demo')).seedDemoLab({ meta, store, logger, now }, user);
  };
  // openid-client is loaded only where single sign-on is configured.
  const sso = config.oidc
    ? (await import('./auth/sso-client')).createSsoClient(config.oidc, logger)
    : null;
  const deps: ApiDeps = {
    meta,
    mailer,
    sso,
    notifier,
    publicUrl,
    logger,
    now,
    secureCookies: config.publicUrl?.startsWith('https://') ?? false,
    sessionTtlMs: config.sessionTtlMs,
    throttles: scale
      ? await scale.shareThrottles(createRequestThrottles(now))
      : createRequestThrottles(now),
    trustProxy: config.trustProxy,
    passwordHashCost: config.passwordHashCost,
    onAccessChanged: accessChangeHandler(closeSockets),
    onSessionsEnded: (userId, { only, except }) => {
      // An open notification stream checks its session again when woken.
      notifier.changed(userId);
      closeSockets(
        (c) =>
          c.user.id === userId &&
          c.sessionTokenHash !== null &&
          (only === undefined || c.sessionTokenHash === only) &&
          c.sessionTokenHash !== except,
        CloseCode.Unauthenticated,
      );
    },
    onAccountClosed: (userId) => {
      notifier.changed(userId);
      closeSockets((c) => c.user.id === userId, CloseCode.Unauthenticated);
    },
    onApiTokensRevoked: (tokenIds) =>
      closeSockets(
        (c) => c.apiTokenId !== null && tokenIds.includes(c.apiTokenId),
        CloseCode.Unauthenticated,
      ),
    presenceInLab: async (labId) => presence?.inLab(labId) ?? registry.presenceInLab(labId),
    // The item's comments document goes with it: a reviewer who may no longer see
    // the item must not keep receiving its comments.
    onItemSharingChanged: (itemId) =>
      registry.closeConnections(
        (c) => c.docId === itemId || c.docId === commentsDocId(itemId),
        CloseCode.RightsChanged,
      ),
    onGroupLeft: (groupId, userId) =>
      registry.closeConnections(
        (c) => c.docId === groupNotesDocId(groupId) && c.user.id === userId,
        CloseCode.Forbidden,
      ),
    onAdminCreated,
    history,
    docs: {
      initItem: (itemId, kind, title) =>
        registry.change(itemId, (doc) => initItemDoc(doc, kind, title)),
      setTitle: (itemId, title) => registry.change(itemId, (doc) => setTitle(doc, title)),
      change: (docId, change) => registry.change(docId, change),
      read: (docId, read) => registry.read(docId, read),
    },
  };
  const { setupPath } = await bootstrapAdmin(meta, config, logger, now, onAdminCreated);
  const sessionPurge = await startSessionPurge(meta, logger, now, options.sessionPurgeIntervalMs);
  const retention = await startCommentRetention(deps, options.commentRetentionIntervalMs);

  let closing: Promise<void> | undefined;
  const readiness = createReadiness(
    [
      shutdownCheck(() => closing !== undefined),
      storeCheck('documents', store),
      storeCheck('metadata', meta),
      ...(database ? [{ name: 'postgres', check: () => database.ping() }] : []),
      ...(scale ? [scale.readiness] : []),
      ...(options.readinessChecks ?? []),
    ],
    logger,
  );

  const app = new Hono();
  app.use('*', ...requestContext(logger, metrics));
  // Before authentication: no route reads an oversized body.
  app.use('*', bodyLimits(API_PREFIX));
  app.use('*', securityHeaders());
  app.route('/', opsRoutes({ metrics, readiness, metricsToken: config.metricsToken }));
  const api = createApiApp(deps);
  // Mounted before `app.route` copies the API's routes.
  mountExportRoutes(api, {
    reader: createDocReader(store),
    store,
    comments: createCommentSource(
      (docId, read) => registry.read(docId, read),
      (userId) => meta.getUser(userId)?.name ?? null,
    ),
    observe: metrics.observeExport,
  });
  mountBackupRoutes(api, { snapshot });
  app.route(API_PREFIX, api);
  const itemKind = (c: Context, itemId: string) =>
    visibleItemKind(meta, readSessionCookie(c), itemId, now());
  app.route('/', serveClient(config.clientDir, { itemKind }));

  const server = createAdaptorServer({ fetch: app.fetch });
  // The default `createServer` is node:http's; sync upgrades are handled on its 'upgrade' event.
  if (!(server instanceof Server)) throw new Error('expected an HTTP/1.1 server');
  const sync = attachSyncEndpoint(server, {
    registry,
    feeds,
    meta,
    logger,
    now,
    limits: config.sync,
  });
  const listening = await listenOn(server, config.port, config.host);
  // Only once listening, so that start-up is not slowed, and only while no document is
  // open (see encoder-warmup.ts).
  const warmUp = warmUpEncoder(() => registry.busyRoomCount > 0);
  const expirySweep = startAccessExpirySweep(
    { closeExpired: (nowMs) => registry.closeExpired(nowMs) + feeds.closeExpired(nowMs) },
    now,
    logger,
  );
  ownUrl = listening.url;
  const close = () => {
    closing ??= (async () => {
      server.close();
      warmUp.stop();
      notifier.close();
      sessionPurge.stop();
      retention.stop();
      expirySweep.stop();
      await factsBackfill.stop();
      // Changes not yet in a version get one while the documents can still be read.
      await history.flush();
      await registry.shutdown();
      await itemRegistry.flush();
      feeds.closeConnections(() => true, CloseCode.ServerRestarting);
      sync.close();
      mailer?.close();
      if ('closeAllConnections' in server) server.closeAllConnections();
      try {
        await store.close();
        await meta.close();
      } finally {
        await scale?.close();
        await database?.close();
      }
    })();
    return closing;
  };
  return {
    port: listening.port,
    url: ownUrl,
    registry,
    history,
    store,
    meta,
    database,
    setupPath,
    eraseExpiredComments: () => retention.runNow(),
    close,
  };
}
