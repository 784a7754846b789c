/**
 * The demo lab's items read as an export reads them, and a lab report around them,
 * for the tests of what a report says before any format.
 */
import { buildDemoDoc, DEMO_ITEMS } from '../../server/demo/demo-items';
import type { Block } from '../../server/export/blocks';
import { readItems } from '../../server/export/build-report';
import { createDocReader } from '../../server/export/doc-reader';
import type { ItemReport, LabReport } from '../../server/export/report-model';
import { createMemoryDocStore } from '../../server/store/memory-doc-store';

export async function demoItems(): Promise<ItemReport[]> {
  const store = createMemoryDocStore();
  for (const item of DEMO_ITEMS) await store.append(item.id, buildDemoDoc(item).update).durable;
  return readItems(createDocReader(store), DEMO_ITEMS);
}

export function labReport(items: ItemReport[]): LabReport {
  return {
    lab: {
      title: 'Ward 7 falls',
      challenge: 'How might we reduce falls at night?',
      phase: 'test',
      startDate: '2026-09-01',
      endDate: null,
    },
    exportedAt: '2026-11-20T10:00:00.000Z',
    items,
    participants: [{ profession: 'Nurse', count: 2 }],
    comments: [],
  };
}

/** A report's headings as "level text". */
export const headings = (blocks: readonly Block[]) =>
  blocks.flatMap((block) => (block.kind === 'heading' ? [`${block.level} ${block.text}`] : []));
