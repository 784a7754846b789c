/**
 * `tsx bench/export.ts`: how long exporting a large lab takes. Builds a lab of 50
 * items (a problem, a driver diagram, 10 change ideas, 25 PDSA cycles, 5 measures
 * of 100 points each, 8 notes) in an append-only DocStore on disk, then times the
 * lab export in every format, the A3 storyboard poster and the slides included, through the
 * same code the route runs: reading each
 * document from the store, laying out the report and rendering it. One warm-up
 * round, then the median of `--rounds` rounds (default 3) per format; prints the
 * seconds per format against the 3 s target for each, and their total. Exits 0 either way
 * (it is a report); non-zero only when an export fails.
 *
 *   --rounds N   timed rounds per format (default 3)
 *   --format F   only these formats, comma-separated (to profile one: node --cpu-prof)
 *   --json       print the figures as JSON
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { buildDemoDoc, DEMO_ITEMS, type DemoItem } from '../server/demo/demo-items';
import { createDocReader } from '../server/export/doc-reader';
import { labExportBody } from '../server/export/export-bodies';
import { type Include, LAB_FORMATS, type LabFormat } from '../server/export/export-formats';
import { createMemoryLogger } from '../server/logger';
import { createLogDocStore } from '../server/store/log-doc-store';
import { createMemoryMetaStore } from '../server/store/memory-meta-store';
import type { MetaStore } from '../server/store/meta-store';
import { addRow, initItemDoc, setFieldValue } from '../shared/documents/item-doc';
import type { ItemKind, LabRecord } from '../shared/schemas/records';

const TARGET_SECONDS = 5;
/** Each format on its own, the poster and the slides included. */
const FORMAT_TARGET_SECONDS = 3;
const FORMATS: readonly LabFormat[] = LAB_FORMATS;
const ALL: Include = { comments: true, participants: true, drafts: true };

function demo(id: string): DemoItem {
  const item = DEMO_ITEMS.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no demo item ${id}`);
  return item;
}

/** A measure of 100 monthly points: a noisy level that drops by a third halfway. */
function measureDoc(index: number): Uint8Array {
  const doc = new Y.Doc();
  initItemDoc(doc, 'measure', `Measure ${index + 1}`);
  setFieldValue(doc, 'measure', 'direction', 'down');
  setFieldValue(doc, 'measure', 'target', 40);
  let seed = index + 1;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let i = 0; i < 100; i++) {
    const level = i < 50 ? 60 : 40;
    const period = `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const value = Math.round((level + (random() - 0.5) * 12) * 10) / 10;
    addRow(doc, 'measure', 'points', `p${i}`, {
      period,
      value,
      note: i % 17 === 0 ? 'Change made' : '',
    });
  }
  return Y.encodeStateAsUpdate(doc);
}

interface Planned {
  readonly id: string;
  readonly kind: ItemKind;
  readonly title: string;
  readonly update: Uint8Array;
}

/** 50 items, built from the demo's content so every section and list has realistic text. */
function plan(): Planned[] {
  const copy = (item: DemoItem, id: string, title = item.title): Planned => ({
    id,
    kind: item.kind,
    title,
    update: buildDemoDoc({ ...item, title }).update,
  });
  const ideas = ['demo-idea-rounding', 'demo-idea-callbell', 'demo-idea-card'];
  const cycles = ['demo-pdsa-1', 'demo-pdsa-2', 'demo-pdsa-2a'];
  return [
    copy(demo('demo-problem'), 'bench-problem'),
    copy(demo('demo-drivers'), 'bench-drivers'),
    ...Array.from({ length: 10 }, (_, i) =>
      copy(demo(ideas[i % 3] ?? ''), `bench-idea-${i}`, `Idea ${i + 1}`),
    ),
    ...Array.from({ length: 25 }, (_, i) =>
      copy(demo(cycles[i % 3] ?? ''), `bench-pdsa-${i}`, `Cycle ${i + 1}`),
    ),
    ...Array.from({ length: 5 }, (_, i) => ({
      id: `bench-measure-${i}`,
      kind: 'measure' as const,
      title: `Measure ${i + 1}`,
      update: measureDoc(i),
    })),
    ...Array.from({ length: 8 }, (_, i) =>
      copy(demo(DEMO_ITEMS[DEMO_ITEMS.length - 1]?.id ?? ''), `bench-note-${i}`, `Note ${i + 1}`),
    ),
  ];
}

async function seed(
  meta: MetaStore,
  items: readonly Planned[],
  append: (id: string, update: Uint8Array) => Promise<void>,
): Promise<LabRecord> {
  const at = new Date().toISOString();
  const user = await meta.createUser({
    id: 'bench-user',
    email: 'bench@example.org',
    name: 'Bench',
    profession: 'analyst',
    passwordHash: 'x',
    isAdmin: false,
    canCreateLabs: true,
    createdAt: at,
  });
  const lab = await meta.createLab(
    {
      id: 'bench-lab',
      title: 'Benchmark lab',
      challenge: 'Export speed',
      phase: 'test',
      startDate: null,
      endDate: null,
      createdAt: at,
      createdBy: user.id,
      archivedAt: null,
    },
    { labId: 'bench-lab', userId: user.id, role: 'facilitator', joinedAt: at },
  );
  for (const [order, item] of items.entries()) {
    await append(item.id, item.update);
    await meta.createItem({
      id: item.id,
      labId: lab.id,
      kind: item.kind,
      title: item.title,
      status: 'draft',
      sharing: 'draft',
      order,
      createdAt: at,
      updatedAt: at,
      updatedBy: null,
      archivedAt: null,
    });
  }
  return lab;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string' },
      format: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const asked = values.format?.split(',').map((part) => part.trim());
  const formats = asked ? FORMATS.filter((format) => asked.includes(format)) : FORMATS;
  const rounds = Math.max(1, Number(values.rounds ?? '3'));
  const dir = mkdtempSync(path.join(tmpdir(), 'improvement-lab-bench-export-'));
  const store = createLogDocStore({ dir, logger: createMemoryLogger() });
  try {
    const meta = createMemoryMetaStore();
    const items = plan();
    const lab = await seed(meta, items, async (id, update) => {
      await store.append(id, update).durable;
      await store.release(id);
    });
    const reader = createDocReader(store);
    const sources = { meta, reader, now: () => new Date(), comments: async () => [] };
    // Through the same code the route runs, for every format the lab export offers.
    const exportOnce = async (format: LabFormat): Promise<number> =>
      (await labExportBody(sources, lab, format, ALL)).length;
    const figures: Record<string, { seconds: number; bytes: number }> = {};
    for (const format of formats) {
      const bytes = await exportOnce(format); // warm-up: module loading, font parsing, JIT
      const times: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const start = process.hrtime.bigint();
        await exportOnce(format);
        times.push(Number(process.hrtime.bigint() - start) / 1e9);
      }
      figures[format] = { seconds: median(times), bytes };
    }
    const total = Object.values(figures).reduce((sum, figure) => sum + figure.seconds, 0);
    const slowest = Math.max(...Object.values(figures).map((figure) => figure.seconds));
    if (values.json) {
      console.log(
        JSON.stringify(
          {
            items: items.length,
            rounds,
            figures,
            total,
            targetSeconds: TARGET_SECONDS,
            formatTargetSeconds: FORMAT_TARGET_SECONDS,
          },
          null,
          2,
        ),
      );
      return;
    }
    console.log(
      `Export of a lab with ${items.length} items (5 measures × 100 points), median of ${rounds} rounds`,
    );
    for (const [format, figure] of Object.entries(figures)) {
      const verdict = figure.seconds <= FORMAT_TARGET_SECONDS ? 'meets' : 'MISSES';
      console.log(
        `  ${format.padEnd(6)} ${figure.seconds.toFixed(3).padStart(7)} s  ${(figure.bytes / 1024).toFixed(0).padStart(6)} KB  (target ${FORMAT_TARGET_SECONDS} s: ${verdict})`,
      );
    }
    const verdict = total <= TARGET_SECONDS ? 'meets' : 'MISSES';
    console.log(
      `  total  ${total.toFixed(3).padStart(7)} s  (${verdict} the ${TARGET_SECONDS} s target)`,
    );
    const each = slowest <= FORMAT_TARGET_SECONDS ? 'meets' : 'MISSES';
    console.log(
      `  slowest format ${slowest.toFixed(3)} s (${each} the ${FORMAT_TARGET_SECONDS} s target per format)`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
