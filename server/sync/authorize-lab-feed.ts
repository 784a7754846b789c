/**
 * Decides, at upgrade, who may follow a lab's feed (`/sync/labs/<labId>`):
 * anyone who may read the lab, authenticated exactly as for a document. What each
 * person then sees of the lab's items is decided item by item as it is sent
 * (`lab-feeds.ts`), with the same policy as the API's list of items.
 */
import type { Context } from 'hono';
import { CloseCode } from '../../shared/close-codes';
import { isDocId } from '../../shared/doc-id';
import { mayInLab } from '../../shared/policy';
import { accessExpiresAt, actorOf } from '../auth/authenticate';
import type { MetaStore } from '../store/meta-store';
import { authenticateUpgrade, type UpgradeRefusal } from './authorize-upgrade';

export type LabFeedDecision =
  | {
      ok: true;
      labId: string;
      userId: string;
      sessionTokenHash: string | null;
      apiTokenId: string | null;
      /** When the session or token ends (ms since the epoch), or null. */
      expiresAt: number | null;
    }
  | UpgradeRefusal;

export function authorizeLabFeed(c: Context, meta: MetaStore, now: Date): LabFeedDecision {
  // Lab ids are made like document ids: URL-safe and short.
  const labId = c.req.param('labId') ?? '';
  if (!isDocId(labId))
    return { ok: false, code: CloseCode.InvalidDocumentId, reason: 'invalid lab id' };
  const authenticated = authenticateUpgrade(c, meta, now);
  if (!authenticated.ok) return authenticated;
  const { found } = authenticated;
  const lab = meta.getLab(labId);
  const role = lab ? (meta.getMembership(labId, found.user.id)?.role ?? null) : null;
  if (!lab || !mayInLab(actorOf(found.user), role, 'lab.read'))
    return { ok: false, code: CloseCode.Forbidden, reason: 'not a member' };
  return {
    ok: true,
    labId,
    userId: found.user.id,
    sessionTokenHash: found.session?.tokenHash ?? null,
    apiTokenId: found.token?.id ?? null,
    expiresAt: accessExpiresAt(found),
  };
}
