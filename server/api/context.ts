/**
 * What every API handler can reach: its dependencies (passed in, never global),
 * the authenticated person, and the checks that turn the shared policy into
 * 401/403/404 answers.
 */
import type { Context } from 'hono';
import type * as Y from 'yjs';
import { type Actor, type LabAction, mayInLab } from '../../shared/policy';
import type { LabRole } from '../../shared/roles';
import type {
  AuditEventType,
  ItemKind,
  LabRecord,
  SessionRecord,
  UserRecord,
} from '../../shared/schemas/records';
import type { RequestThrottles } from '../auth/request-throttles';
import type { SsoClient } from '../auth/sso-client';
import { newId } from '../auth/secrets';
import type { Mailer } from '../email/mailer';
import type { HistoryService } from '../history/history-service';
import type { Logger } from '../logger';
import type { Notifier } from '../notifications/notifier';
import type { MetaStore } from '../store/meta-store';
import { Errors } from './errors';

export interface AccessChange {
  readonly labId: string;
  readonly userId: string;
  /** The new role, or null when the member was removed. */
  readonly role: LabRole | null;
}

export interface ApiDeps {
  readonly meta: MetaStore;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly secureCookies: boolean;
  readonly sessionTtlMs: number;
  /** Sign-in and password-change backoff, comment rate (`createRequestThrottles`). */
  readonly throttles: RequestThrottles;
  /** Reverse proxies whose `X-Forwarded-For` is believed (`TRUST_PROXY`; 0: none). */
  readonly trustProxy: number;
  /** scrypt cost of new password hashes, log2(N) (`PASSWORD_HASH_COST`). */
  readonly passwordHashCost: number;
  /** Called after a role change or removal, so open sync connections follow at once. */
  readonly onAccessChanged: (change: AccessChange) => void;
  /**
   * Called when sessions end (sign-out, password change): their open sync sockets
   * close at once. `except` keeps one session's sockets; `only` closes just one's.
   */
  readonly onSessionsEnded: (userId: string, which: { only?: string; except?: string }) => void;
  /** Called when every access of an account ends (deactivated, reset, deleted): all its sockets close. */
  readonly onAccountClosed: (userId: string) => void;
  /** Called when API tokens are revoked: their open sync sockets close at once. */
  readonly onApiTokensRevoked: (tokenIds: readonly string[]) => void;
  /** Who has any of the lab's documents open now. */
  readonly presenceInLab: (
    labId: string,
  ) => Promise<Array<{ userId: string; name: string; docIds: string[] }>>;
  /** Called when someone left a group: their sockets on its notes close at once. */
  readonly onGroupLeft: (groupId: string, userId: string) => void;
  /** Called when an item's sharing state changed. */
  readonly onItemSharingChanged: (itemId: string) => void;
  /** Called after the first admin exists (to give them the demo lab). */
  readonly onAdminCreated: (user: UserRecord) => Promise<void>;
  /** Sends email (`server/email/`), or null when SMTP is not configured. */
  readonly mailer: Mailer | null;
  /** The address people reach this server at, without a trailing slash, for links in emails. */
  readonly publicUrl: () => string;
  /** Single sign-on with organisation accounts (`OIDC_*`), or null when not configured. */
  readonly sso: SsoClient | null;
  /** Notifications: stored, sent live to open streams and emailed (`server/notifications/`). */
  readonly notifier: Notifier;
  /** The versions of items (`server/history/`). */
  readonly history: HistoryService;
  /** Server changes to item documents, made through the sync layer so open clients see them. */
  readonly docs: {
    initItem(itemId: string, kind: ItemKind, title: string): Promise<void>;
    setTitle(itemId: string, title: string): Promise<void>;
    /** A server change to any document (e.g. a comments document); resolves once durable. */
    change(docId: string, change: (doc: Y.Doc) => void): Promise<void>;
    read<T>(docId: string, read: (doc: Y.Doc) => T): Promise<T>;
  };
}

export interface Auth {
  readonly user: UserRecord;
  readonly actor: Actor;
  /** How the request authenticated; only cookie sessions need CSRF protection. */
  readonly via: 'cookie' | 'token';
  readonly session: SessionRecord | null;
}

export interface AppEnv {
  /** `requestId` is set for every request before the API (`server/ops/request-context.ts`). */
  Variables: { deps: ApiDeps; auth: Auth | null; requestId?: string };
}

export type ApiContext = Context<AppEnv>;

export function requireAuth(c: ApiContext): Auth {
  const auth = c.get('auth');
  if (!auth) throw Errors.unauthenticated();
  return auth;
}

/**
 * Loads a lab and checks the action. A lab the person cannot even read answers
 * 404, so that lab ids cannot be probed.
 */
export function requireLab(
  c: ApiContext,
  labId: string,
  action: LabAction,
): { auth: Auth; lab: LabRecord; role: LabRole | null } {
  const auth = requireAuth(c);
  const { meta } = c.get('deps');
  const lab = meta.getLab(labId);
  const role = lab ? (meta.getMembership(labId, auth.user.id)?.role ?? null) : null;
  if (!lab || !mayInLab(auth.actor, role, 'lab.read')) throw Errors.notFound('That lab');
  if (!mayInLab(auth.actor, role, action)) throw Errors.forbidden();
  return { auth, lab, role };
}

export async function audit(
  c: ApiContext,
  type: AuditEventType,
  labId: string | null,
  details: Record<string, string | number | boolean | null> = {},
  actorId: string | null = c.get('auth')?.user.id ?? null,
): Promise<void> {
  const deps = c.get('deps');
  await deps.meta.appendAudit({
    id: newId(),
    at: deps.now().toISOString(),
    type,
    actorId,
    labId,
    details,
  });
}
