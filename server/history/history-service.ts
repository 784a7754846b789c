/**
 * The versions of every item, kept by the server. It hears every stored update of
 * a loaded item (with the account of the connection that sent it), attributes it,
 * and takes a version automatically once editing pauses, at most `maxIntervalMs`
 * apart while people keep editing, and always before a restore or a schema
 * migration; people who may edit name versions on demand. Everything that reads
 * or writes a document's history runs in turn, one queue per document.
 */
import * as Y from 'yjs';
import { Authorship } from '../../shared/history/authorship';
import { UpdateAttribution, type WrittenRanges } from '../../shared/history/attribute-update';
import { encodeVersionStep } from '../../shared/history/snapshots';
import { newId } from '../auth/secrets';
import type { Logger } from '../logger';
import {
  emptyHistoryIndex,
  HistoryConflict,
  type HistoryIndex,
  type HistoryStore,
  type StoredVersion,
} from '../store/history-store';
import { VersionContent, versionsKey } from './version-content';

export interface VersionPolicy {
  /** A version is taken once nobody has changed the document for this long. */
  readonly pauseMs: number;
  /** While people keep editing, versions are at most this far apart. */
  readonly maxIntervalMs: number;
  /** How often paused documents are looked for. */
  readonly sweepMs: number;
}

export const DEFAULT_VERSION_POLICY: VersionPolicy = {
  pauseMs: 2 * 60_000,
  maxIntervalMs: 5 * 60_000,
  sweepMs: 15_000,
};

export interface CaptureOptions {
  readonly reason: StoredVersion['reason'];
  readonly name?: string | null;
  readonly takenBy?: string | null;
  readonly restoredFrom?: string | null;
}

export interface HistoryServiceOptions {
  readonly store: HistoryStore;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly policy?: VersionPolicy;
  /** Reads a document, loading it if nobody has it open (`RoomRegistry.read`). */
  readonly read: <T>(docId: string, read: (doc: Y.Doc) => T) => Promise<T>;
  /** Whether a document is an item's (comments documents have no versions). */
  readonly isItem: (docId: string) => boolean;
}

/** Writes of one history by other processes in a row before a task gives up. */
const MAX_TRIES = 8;

interface LiveDoc {
  fresh: Authorship;
  attribution: UpdateAttribution;
  people: Set<string>;
  changed: boolean;
  lastUpdateAt: number;
  lastVersionAt: number;
}

export class HistoryService {
  private readonly live = new Map<string, LiveDoc>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Who a server change being made now is made for (a restore), per document. */
  private readonly serverAuthor = new Map<string, string>();
  readonly content: VersionContent;
  readonly policy: VersionPolicy;
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly options: HistoryServiceOptions) {
    this.policy = options.policy ?? DEFAULT_VERSION_POLICY;
    this.content = new VersionContent(options.store);
    this.sweep = setInterval(() => this.takePaused(), this.policy.sweepMs);
    this.sweep.unref();
  }

  private nowMs(): number {
    return this.options.now().getTime();
  }

  /** A document was loaded: what it holds now is nobody's new work. */
  loaded(docId: string, doc: Y.Doc): void {
    if (!this.options.isItem(docId)) return;
    const existing = this.live.get(docId);
    if (existing) {
      existing.attribution = new UpdateAttribution(existing.fresh, doc);
      return;
    }
    const fresh = new Authorship();
    const now = this.nowMs();
    this.live.set(docId, {
      fresh,
      attribution: new UpdateAttribution(fresh, doc),
      people: new Set(),
      changed: false,
      lastUpdateAt: now,
      lastVersionAt: now,
    });
  }

  /** An update was stored and passed on; `doc()` reads the document including it. */
  updated(
    docId: string,
    doc: () => Y.Doc,
    userId: string | null,
    update: Uint8Array | WrittenRanges,
  ): void {
    const live = this.live.get(docId);
    if (!live) return;
    const author = userId ?? this.serverAuthor.get(docId) ?? null;
    try {
      live.attribution.add(update, author);
    } catch (error) {
      this.options.logger.warn('an update could not be attributed', { docId, error });
    }
    if (author !== null) live.people.add(author);
    live.changed = true;
    const now = this.nowMs();
    live.lastUpdateAt = now;
    if (now - live.lastVersionAt >= this.policy.maxIntervalMs)
      void this.capture(docId, doc(), { reason: 'auto' });
  }

  /** Takes versions of documents whose editing has paused. */
  takePaused(): Promise<unknown> {
    const now = this.nowMs();
    const due = [...this.live].filter(
      ([, live]) => live.changed && now - live.lastUpdateAt >= this.policy.pauseMs,
    );
    return Promise.all(
      due.map(([docId]) =>
        this.options
          .read(docId, (doc) => this.capture(docId, doc, { reason: 'auto' }))
          .catch((error: unknown) => {
            this.options.logger.error('automatic version failed', { docId, error });
          }),
      ),
    );
  }

  /**
   * Runs `task` after every earlier task of `docId`'s history. When another process
   * wrote the same history since the task read it (scale-out), the write was refused
   * whole: the task runs again on what is stored now, its cached content dropped.
   */
  queue<T>(docId: string, task: () => Promise<T>): Promise<T> {
    const before = this.queues.get(docId) ?? Promise.resolve();
    const attempt = async (): Promise<T> => {
      for (let tries = 1; ; tries += 1) {
        try {
          return await task();
        } catch (error) {
          if (!(error instanceof HistoryConflict) || tries >= MAX_TRIES) throw error;
          this.content.forget(docId);
        }
      }
    };
    const run = before.then(attempt, attempt);
    const settled = run.catch(() => undefined);
    this.queues.set(docId, settled);
    void settled.then(() => {
      if (this.queues.get(docId) === settled) this.queues.delete(docId);
    });
    return run;
  }

  async index(docId: string): Promise<HistoryIndex> {
    return (await this.options.store.readIndex(docId)) ?? emptyHistoryIndex();
  }

  /**
   * Loads a document's versions' content into the cache, in turn with its other
   * history tasks, and answers at once: the version someone opens after reading the
   * list is then shown without loading it (most of opening a version, cold).
   */
  warm(docId: string): void {
    void this.queue(docId, async () => {
      await this.content.load(docId, await this.index(docId));
    }).catch((error: unknown) => {
      this.options.logger.warn('loading versions ahead failed', { docId, error });
    });
  }

  /** Replaces a document's stored index (and content, when given); run it in the queue. */
  writeIndex(docId: string, index: HistoryIndex, content?: Uint8Array): Promise<void> {
    return this.options.store.write(docId, index, content);
  }

  /** Everything attributed so far: stored, and since the last version. */
  authorship(docId: string, index: HistoryIndex): Authorship {
    const authorship = Authorship.from(index.authorship);
    const live = this.live.get(docId);
    if (live) authorship.merge(live.fresh);
    return authorship;
  }

  /**
   * Takes a version of `doc` as it is now (read at once, written in turn). An
   * automatic one is skipped when nothing changed since the last version; then, or
   * for a last-seen mark, the last version is answered.
   */
  capture(docId: string, doc: Y.Doc, options: CaptureOptions): Promise<StoredVersion | null> {
    const state = Y.encodeStateAsUpdateV2(doc);
    const at = this.options.now().toISOString();
    const live = this.live.get(docId);
    let taken = new Authorship();
    let people: string[] = [];
    if (live) {
      taken = live.fresh;
      people = [...live.people];
      live.fresh = new Authorship();
      live.attribution.target = live.fresh;
      live.people.clear();
      live.changed = false;
      live.lastVersionAt = this.nowMs();
    }
    const task = async (): Promise<StoredVersion | null> => {
      const index = await this.index(docId);
      const loaded = await this.content.load(docId, index);
      const previous = loaded.last();
      const lastVersion = index.versions[index.versions.length - 1] ?? null;
      const authorship = Authorship.from(index.authorship);
      authorship.merge(taken);
      // The version is the content's state once this document's is in it: the same as
      // the document's with one process, and with several (each may serve the document
      // and take versions) never behind a version another one took before, so every
      // version holds all that the one before it held.
      Y.applyUpdateV2(loaded.doc, state);
      const snapshot = Y.snapshot(loaded.doc);
      // Nothing new to keep: the last version serves, unless it is a hidden last-seen
      // mark and this version is one to list (the undo point of a restore must show).
      const optional = options.reason !== 'named' && options.reason !== 'restore';
      const reusable = options.reason === 'seen' || lastVersion?.reason !== 'seen';
      if (optional && reusable && previous && Y.equalSnapshots(previous, snapshot)) {
        if (taken.toJSON().inserted.length + taken.toJSON().deleted.length > 0) {
          await this.options.store.write(docId, { ...index, authorship: authorship.toJSON() });
        }
        return lastVersion;
      }
      const step = encodeVersionStep(snapshot, previous);
      const version: StoredVersion = {
        id: newId(),
        at,
        name: options.name ?? null,
        reason: options.reason,
        takenBy: options.takenBy ?? null,
        people: [...new Set(people)].sort(),
        restoredFrom: options.restoredFrom ?? null,
        step: Buffer.from(step).toString('base64'),
      };
      const next: HistoryIndex = {
        ...index,
        versions: [...index.versions, version],
        authorship: authorship.toJSON(),
      };
      loaded.push(snapshot, step, versionsKey(next.versions));
      await this.options.store.write(docId, next, Y.encodeStateAsUpdateV2(loaded.doc));
      this.content.remember(docId, loaded);
      this.options.logger.info('version taken', {
        docId,
        versionId: version.id,
        reason: version.reason,
        people: version.people.length,
      });
      return version;
    };
    return this.queue(docId, task).catch((error: unknown) => {
      this.content.forget(docId);
      // What was attributed since the last version goes back, to be stored with the next.
      if (live) live.fresh.merge(taken);
      throw error;
    });
  }

  /** Makes a server change to `docId` on behalf of `userId`: the change is theirs. */
  async asAuthor<T>(docId: string, userId: string, change: () => Promise<T>): Promise<T> {
    this.serverAuthor.set(docId, userId);
    try {
      return await change();
    } finally {
      this.serverAuthor.delete(docId);
    }
  }

  /** Takes a version of every document with changes not yet in one (before shutting down). */
  async flush(): Promise<void> {
    clearInterval(this.sweep);
    const changed = [...this.live].filter(([, live]) => live.changed).map(([docId]) => docId);
    await Promise.all(
      changed.map((docId) =>
        this.options
          .read(docId, (doc) => this.capture(docId, doc, { reason: 'auto' }))
          .catch((error: unknown) =>
            this.options.logger.error('version at shutdown failed', { docId, error }),
          ),
      ),
    );
    await Promise.all([...this.queues.values()]);
  }

  stop(): void {
    clearInterval(this.sweep);
  }
}
