/**
 * The demo lab, created with the first administrator (who facilitates it), so a
 * new instance shows the product working. Its documents are written through the
 * DocStore like any client's, so afterwards they are ordinary documents.
 */
import { DEMO_LAB } from '../../shared/demo';
import type { UserRecord } from '../../shared/schemas/records';
import type { Logger } from '../logger';
import type { DocStore } from '../store/doc-store';
import type { MetaStore } from '../store/meta-store';
import { seedDemoGroup } from './demo-group';
import { buildDemoDoc, DEMO_ITEMS } from './demo-items';
import { seedDemoPeople } from './demo-people';
import { demoWorkshopRecord } from './demo-workshop';

export interface DemoDeps {
  readonly meta: MetaStore;
  readonly store: DocStore;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** Creates the demo lab with `facilitator` as its facilitator, once per instance. */
export async function seedDemoLab(
  { meta, store, logger, now }: DemoDeps,
  facilitator: UserRecord,
): Promise<void> {
  const at = now().toISOString();
  if (meta.getLab(DEMO_LAB.id)) {
    await meta.addMember({
      labId: DEMO_LAB.id,
      userId: facilitator.id,
      role: 'facilitator',
      joinedAt: at,
    });
    await seedDemoGroup(meta, store, facilitator.id, at);
    return;
  }
  await meta.createLab(
    { ...DEMO_LAB, createdAt: at, createdBy: facilitator.id, archivedAt: null },
    { labId: DEMO_LAB.id, userId: facilitator.id, role: 'facilitator', joinedAt: at },
  );
  for (const [order, item] of DEMO_ITEMS.entries()) {
    const { update, status } = buildDemoDoc(item);
    if ((await store.load(item.id)).length === 0) await store.append(item.id, update).durable;
    await store.release(item.id);
    await meta.createItem({
      id: item.id,
      labId: DEMO_LAB.id,
      kind: item.kind,
      title: item.title,
      status,
      sharing: item.sharing ?? 'draft',
      order: order + 1,
      createdAt: at,
      updatedAt: at,
      updatedBy: facilitator.id,
      archivedAt: null,
    });
  }
  await seedDemoPeople(
    meta,
    DEMO_LAB.id,
    at,
    DEMO_ITEMS.map((item) => item.id),
  );
  await seedDemoGroup(meta, store, facilitator.id, at);
  const voters = meta.listMembers(DEMO_LAB.id).map((member) => member.userId);
  await meta.saveWorkshop(demoWorkshopRecord(DEMO_LAB.id, voters));
  logger.info('demo lab created', { labId: DEMO_LAB.id, items: DEMO_ITEMS.length });
}
