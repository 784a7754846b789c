/**
 * `tsx bench/schema-guard.ts`: what the update check and the schema guard
 * (`server/sync/update-check.ts`, `schema-guard.ts`) cost on the edit path. A measure whose definition holds 20,000 characters and
 * 500 data points; a second person types 20,000 single characters at random places
 * in it (one update each, as a browser sends them) and edits points. Each update is
 * checked as a room checks it, with the room's document applied in batches of 64
 * (`apply-queue.ts`), so some origins are found among accepted updates not yet
 * applied. Prints microseconds per update for the check, against applying the same
 * update to a document on its own, the cost every room already pays. In-process and
 * deterministic (seeded); the median of `--rounds` rounds (default 3).
 *
 *   --rounds N   rounds (default 3)
 *   --json       print the figures as JSON
 */
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { MAX_UNAPPLIED_UPDATES } from '../server/sync/apply-queue';
import { SchemaGuard } from '../server/sync/schema-guard';
import { checkUpdate } from '../server/sync/update-check';
import { addRow, fieldText, initItemDoc, list } from '../shared/documents/item-doc';

const EDITS = 20_000;

/** A small seeded generator, so every round types the same edits. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function typedUpdates(): { room: Y.Doc; updates: Uint8Array[] } {
  const room = new Y.Doc();
  initItemDoc(room, 'measure', 'Falls per 1,000 bed days');
  for (let i = 0; i < 500; i += 1)
    addRow(room, 'measure', 'points', `p${i}`, { period: `P${i}`, value: i % 17 });
  fieldText(room, 'definition').insert(0, 'x'.repeat(EDITS));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  const next = random(42);
  const text = fieldText(client, 'definition');
  const points = list(client, 'points');
  for (let i = 0; i < EDITS; i += 1) {
    if (i % 50 === 0) points.get(Math.floor(next() * points.length))?.set('value', i % 23);
    else text.insert(Math.floor(next() * text.length), 'y');
  }
  return { room, updates };
}

function round(): { checkUs: number; applyUs: number; updates: number } {
  const { room, updates } = typedUpdates();
  const reference = new Y.Doc();
  Y.applyUpdate(reference, Y.encodeStateAsUpdate(room));
  const guard = new SchemaGuard('measure', room);
  let checking = 0;
  let waiting: Uint8Array[] = [];
  for (const update of updates) {
    const start = performance.now();
    // As a room checks it: the update check's walk (which collects what the guard
    // reads), then the guard.
    guard.check(checkUpdate(update, true));
    checking += performance.now() - start;
    waiting.push(update);
    if (waiting.length >= MAX_UNAPPLIED_UPDATES) {
      const batch = waiting;
      waiting = [];
      Y.transact(room, () => {
        for (const each of batch) Y.applyUpdate(room, each);
      });
    }
  }
  const start = performance.now();
  for (const update of updates) Y.applyUpdate(reference, update);
  const applying = performance.now() - start;
  return {
    checkUs: (checking * 1000) / updates.length,
    applyUs: (applying * 1000) / updates.length,
    updates: updates.length,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } },
});
const rounds = Array.from({ length: Math.max(1, Number(values.rounds)) }, round);
const figures = {
  updates: rounds[0]?.updates ?? 0,
  checkUsPerUpdate: median(rounds.map((r) => r.checkUs)),
  applyUsPerUpdate: median(rounds.map((r) => r.applyUs)),
};
if (values.json) console.log(JSON.stringify({ schemaGuard: figures }));
else
  console.log(
    `schema guard: ${figures.checkUsPerUpdate.toFixed(1)} µs per update checked ` +
      `(applying one update alone: ${figures.applyUsPerUpdate.toFixed(1)} µs), ${figures.updates} updates`,
  );
