/**
 * The lab feeds of a server: who follows which lab's items, and what each of them
 * is sent. A follower gets the items they may see (the API's list of items, with
 * their rights and facts) when they connect, then every change to one of them as
 * soon as it is stored, decided again for that person at that moment with the
 * shared policy: an item whose sharing now hides it from a reviewer is sent as
 * gone, one that now shows arrives. Feeds close like sync sockets when access
 * changes or ends (`closeConnections`, `closeExpired`), and count towards the same
 * per-account cap.
 */
import { CloseCode } from '../../shared/close-codes';
import type { ItemRecord } from '../../shared/schemas/records';
import { actorOf } from '../auth/authenticate';
import { visibleItem, visibleItems } from '../auth/item-access';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';
import type { ConnectionOptions } from './connection';
import type { LabFeedSocket } from './lab-feed-socket';

/** What closing rules look at, common to sync connections and lab feeds. */
export type SocketAccess = Pick<
  ConnectionOptions,
  'labId' | 'sessionTokenHash' | 'apiTokenId' | 'expiresAt'
> & { readonly user: { readonly id: string } };

interface Follower {
  readonly access: SocketAccess;
  readonly socket: LabFeedSocket;
  /** Ids of the items this follower has been sent and may still see. */
  readonly visible: Set<string>;
}

export interface LabFeedsOptions {
  /** Read only: item changes come in through `itemChanged`. */
  readonly meta: MetaStore;
  readonly logger: Logger;
  /** Told of items about to be shown (a followed lab's, a changed one), to fill in missing facts. */
  readonly onShown?: (items: readonly ItemRecord[]) => void;
}

export class LabFeeds {
  private readonly byLab = new Map<string, Set<Follower>>();
  private readonly socketsByUser = new Map<string, number>();
  /** No feed's access ends before this (ms since the epoch); may be early, never late. */
  private earliestExpiry = Number.POSITIVE_INFINITY;

  constructor(private readonly options: LabFeedsOptions) {}

  /** Lab feeds `userId` has open now, for the per-account cap. */
  openSocketsOf(userId: string): number {
    return this.socketsByUser.get(userId) ?? 0;
  }

  /** Starts sending `access.labId`'s items to `socket`, beginning with all it may see now. */
  follow(socket: LabFeedSocket, access: SocketAccess): void {
    const { meta } = this.options;
    const follower: Follower = { access, socket, visible: new Set() };
    const followers = this.byLab.get(access.labId) ?? new Set();
    this.byLab.set(access.labId, followers);
    followers.add(follower);
    const userId = access.user.id;
    this.socketsByUser.set(userId, this.openSocketsOf(userId) + 1);
    if (access.expiresAt !== null && access.expiresAt < this.earliestExpiry)
      this.earliestExpiry = access.expiresAt;
    socket.onClose(() => this.forget(follower));
    const user = meta.getUser(userId);
    if (!user) {
      socket.close(CloseCode.Unauthenticated);
      return;
    }
    const items = visibleItems(meta, actorOf(user), access.labId);
    for (const item of items) follower.visible.add(item.id);
    socket.send({ type: 'items', items });
    this.options.onShown?.(meta.listItems(access.labId));
  }

  /** Sends a stored change of `itemId` to every follower of its lab, as each may see it. */
  itemChanged(itemId: string): void {
    const { meta } = this.options;
    const item = meta.getItem(itemId);
    const followers = item ? this.byLab.get(item.labId) : undefined;
    if (!item || !followers) return;
    this.options.onShown?.([item]);
    for (const follower of followers) {
      const user = meta.getUser(follower.access.user.id);
      const shown = user ? visibleItem(meta, actorOf(user), item) : null;
      if (shown) {
        follower.visible.add(item.id);
        follower.socket.send({ type: 'item', item: shown });
      } else if (follower.visible.delete(item.id)) {
        follower.socket.send({ type: 'gone', id: item.id });
      }
    }
  }

  /** Closes every feed that `match` selects with `code`, as `RoomRegistry.closeConnections` does. */
  closeConnections(match: (access: SocketAccess) => boolean, code: CloseCode): number {
    let closed = 0;
    for (const follower of this.followers()) {
      if (!match(follower.access)) continue;
      follower.socket.close(code);
      closed += 1;
    }
    return closed;
  }

  /** Closes (4401) every feed whose session or token has expired by `nowMs`; cheap until one has. */
  closeExpired(nowMs: number): number {
    if (nowMs < this.earliestExpiry) return 0;
    let closed = 0;
    let earliest = Number.POSITIVE_INFINITY;
    for (const { access, socket } of this.followers()) {
      if (access.expiresAt === null || !socket.open) continue;
      if (access.expiresAt <= nowMs) {
        socket.close(CloseCode.Unauthenticated);
        closed += 1;
      } else if (access.expiresAt < earliest) {
        earliest = access.expiresAt;
      }
    }
    this.earliestExpiry = earliest;
    return closed;
  }

  keepalive(): void {
    for (const follower of this.followers()) follower.socket.keepalive();
  }

  /** A copy: closing a feed removes it from its lab's set. */
  private followers(): Follower[] {
    return [...this.byLab.values()].flatMap((followers) => [...followers]);
  }

  private forget(follower: Follower): void {
    const { labId, user } = follower.access;
    const followers = this.byLab.get(labId);
    if (!followers?.delete(follower)) return;
    if (followers.size === 0) this.byLab.delete(labId);
    const open = this.openSocketsOf(user.id) - 1;
    if (open > 0) this.socketsByUser.set(user.id, open);
    else this.socketsByUser.delete(user.id);
  }
}
