/**
 * What `/metrics` reads from the sync layer when scraped: connections counted by
 * the person's role in the lab (looked up then, so the per-message path pays
 * nothing), the documents loaded and, in scale-out, the messages received from the
 * other processes.
 */
import type { RedisLink } from '../scale/redis-link';
import type { MetaStore } from '../store/meta-store';
import type { RoomRegistry } from '../sync/room-registry';
import type { MetricSources } from './metrics';

export function syncMetricSources(
  registry: RoomRegistry,
  meta: MetaStore,
  bus: RedisLink | null,
): MetricSources {
  return {
    connectionsByRole() {
      const counts = new Map<string, number>();
      registry.forEachConnection(({ labId, user }) => {
        // An instance administrator may open a lab's documents without being a member.
        const role = meta.getMembership(labId, user.id)?.role ?? 'admin';
        counts.set(role, (counts.get(role) ?? 0) + 1);
      });
      return counts;
    },
    roomsLoaded: () => registry.roomCount,
    ...(bus ? { busMessagesReceived: () => bus.received() } : {}),
  };
}
