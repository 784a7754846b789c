/**
 * `tsx bench/history.ts`: versions of an item over the editing trace
 * (`shared/data/automerge-paper-trace.json`, read by `trace-file.ts`). The trace's
 * 259,778 keystrokes are typed into a PDSA cycle's objective, one update each, by
 * two people taking turns every 20,000 keystrokes, through the server's history
 * (`server/history/`) with its default automatic versions and the embedded
 * history store, on a simulated clock: 4 keystrokes a second, with a 3-minute
 * break every 5,000 keystrokes (the trace has no times of its own). Prints the
 * versions taken, the bytes history stores against the compacted document's own
 * size (target: no more than 1×), and, from a cold start (a new service, nothing
 * cached), the time to open the version list, to render the first and the last
 * version, and to compare the first with the last (target: each under 300 ms);
 * then opening a version as people do, from the list, whose content loads while the
 * list is read (`HistoryService.warm`). Each time is wall-clock with the process's CPU
 * time beside it, and the load average is printed: on a shared machine the wall-clock
 * figures follow the load, the CPU ones much less.
 *
 *   --trace FILE   another trace in the same format
 *   --json         print the figures as JSON
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { compare, listVersions } from '../server/history/history-queries';
import { DEFAULT_VERSION_POLICY, HistoryService } from '../server/history/history-service';
import { createMemoryLogger } from '../server/logger';
import { createFileHistoryStore } from '../server/store/file-history-store';
import { compactedState } from '../server/store/stored-update';
import { fieldText, initItemDoc } from '../shared/documents/item-doc';
import { loadTrace } from './trace-file';

const { values } = parseArgs({
  options: {
    trace: {
      type: 'string',
      default: path.resolve(import.meta.dirname, '../../shared/data/automerge-paper-trace.json'),
    },
    json: { type: 'boolean', default: false },
  },
});

const KEYSTROKE_MS = 250;
const BREAK_EVERY = 5_000;
const BREAK_MS = 3 * 60_000;
const TURN_EVERY = 20_000;
const DOC_ID = 'bench-history-item';

interface Timed<T> {
  readonly ms: number;
  /** CPU time of the whole process meanwhile (user and system). */
  readonly cpuMs: number;
  readonly value: T;
}

async function timed<T>(run: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

const figure = (t: Timed<unknown>) => `${Math.round(t.ms)} ms (CPU ${Math.round(t.cpuMs)} ms)`;
const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

async function main(): Promise<void> {
  const trace = await loadTrace(String(values.trace));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'history-bench-'));
  try {
    let clock = Date.UTC(2026, 2, 3, 9);
    const now = () => new Date(clock);
    const room = new Y.Doc();
    initItemDoc(room, 'pdsa', 'Paper');
    const store = createFileHistoryStore(dir);
    const service = (): HistoryService =>
      new HistoryService({
        store,
        logger: createMemoryLogger(),
        now,
        read: async (_docId, read) => read(room),
        isItem: () => true,
      });
    const history = service();
    history.stop();
    history.loaded(DOC_ID, room);
    const text = fieldText(room, 'objective');
    let author = 'ann';
    let latest: Uint8Array | null = null;
    room.on('update', (update: Uint8Array) => {
      latest = update;
    });
    const typing = performance.now();
    for (let i = 0; i < trace.edits.length; i += 1) {
      const edit = trace.edits[i] as (typeof trace.edits)[number];
      if (edit[1] === 0) text.insert(edit[0], edit[2]);
      else text.delete(edit[0], 1);
      clock += KEYSTROKE_MS;
      if (latest) history.updated(DOC_ID, () => room, author, latest);
      if ((i + 1) % TURN_EVERY === 0) author = author === 'ann' ? 'bob' : 'ann';
      if ((i + 1) % BREAK_EVERY === 0) {
        clock += BREAK_MS;
        await history.takePaused();
      }
    }
    clock += DEFAULT_VERSION_POLICY.pauseMs;
    await history.takePaused();
    await history.flush();
    const typingMs = performance.now() - typing;
    if (text.toString() !== trace.finalText)
      throw new Error('the replay did not end with the trace’s text');

    const compacted = compactedState(room).update.byteLength;
    const stored = await store.bytes(DOC_ID);
    // Cold: a new service, nothing of the history in memory. The first such service
    // also pays for compiling the code on its first calls (a server just started); the
    // second is what a running server pays for an item it has not opened yet.
    const read = async <T>(_docId: string, r: (doc: Y.Doc) => T) => r(room);
    const measure = async () => {
      const cold = service();
      cold.stop();
      const list = await timed(async () => listVersions(await cold.index(DOC_ID)));
      const versions = list.value;
      const first = versions[versions.length - 1];
      const last = versions[0];
      if (!first || !last) throw new Error('no versions were taken');
      const renderLast = await timed(() => compare(cold, read, DOC_ID, 'pdsa', last.id, last.id));
      const renderFirst = await timed(() =>
        compare(cold, read, DOC_ID, 'pdsa', first.id, first.id),
      );
      const firstToLast = await timed(() => compare(cold, read, DOC_ID, 'pdsa', first.id, last.id));
      // As people open a version: from the list, read for a moment while the content loads.
      const fromList = service();
      fromList.stop();
      const listed = await timed(async () => {
        const index = await fromList.index(DOC_ID);
        fromList.warm(DOC_ID);
        return listVersions(index);
      });
      await fromList.queue(DOC_ID, async () => undefined);
      const openLast = await timed(() => compare(fromList, read, DOC_ID, 'pdsa', last.id, last.id));
      const openFirst = await timed(() =>
        compare(fromList, read, DOC_ID, 'pdsa', first.id, first.id),
      );
      return { list, versions, renderLast, renderFirst, firstToLast, listed, openLast, openFirst };
    };
    const started = await measure();
    const loadBefore = loadAverage();
    const { list, versions, renderLast, renderFirst, firstToLast, listed, openLast, openFirst } =
      await measure();
    const objective = renderLast.value.diff.fields.find((f) => f.key === 'objective');
    const rendered =
      objective?.type === 'text' ? objective.segments.map((s) => s.text).join('') : '';
    if (rendered !== trace.finalText)
      throw new Error('the last version does not read as the trace’s text');
    const figures = {
      keystrokes: trace.edits.length,
      versions: versions.length,
      historyBytes: stored,
      compactedDocumentBytes: compacted,
      historyToDocument: Number((stored / compacted).toFixed(2)),
      typingWithHistoryMs: Math.round(typingMs),
      firstCallAfterStartMs: {
        openVersionList: Math.round(started.list.ms),
        renderLastVersion: Math.round(started.renderLast.ms),
        compareFirstWithLast: Math.round(started.firstToLast.ms),
      },
      openVersionListMs: Math.round(list.ms),
      renderLastVersionMs: Math.round(renderLast.ms),
      renderLastVersionCpuMs: Math.round(renderLast.cpuMs),
      renderFirstVersionMs: Math.round(renderFirst.ms),
      renderFirstVersionCpuMs: Math.round(renderFirst.cpuMs),
      compareFirstWithLastMs: Math.round(firstToLast.ms),
      compareFirstWithLastCpuMs: Math.round(firstToLast.cpuMs),
      fromTheList: {
        openVersionListMs: Math.round(listed.ms),
        openLastVersionMs: Math.round(openLast.ms),
        openLastVersionCpuMs: Math.round(openLast.cpuMs),
        openFirstVersionMs: Math.round(openFirst.ms),
        openFirstVersionCpuMs: Math.round(openFirst.cpuMs),
      },
      targetMs: 300,
      loadAverage: `${loadBefore} before, ${loadAverage()} after`,
      changedCharacters:
        firstToLast.value.diff.summary.inserted + firstToLast.value.diff.summary.deleted,
    };
    if (values.json) {
      console.log(JSON.stringify({ history: figures }));
      return;
    }
    console.log(`history: ${figures.keystrokes} keystrokes, default automatic versions`);
    console.log(`  versions taken                   ${figures.versions}`);
    console.log(
      `  history stored                   ${figures.historyBytes} B = ${figures.historyToDocument}× the compacted document (${figures.compactedDocumentBytes} B; target ≤ 1×)`,
    );
    const f = figures.firstCallAfterStartMs;
    console.log(
      `  first calls after start          list ${f.openVersionList} ms, last version ${f.renderLastVersion} ms, first vs last ${f.compareFirstWithLast} ms (code still compiling)`,
    );
    console.log(`  open the version list (cold)     ${figure(list)}`);
    console.log(`  render the last version (cold)   ${figure(renderLast)}, target < 300 ms`);
    console.log(`  render the first version         ${figure(renderFirst)}, target < 300 ms`);
    console.log(`  compare first with last          ${figure(firstToLast)}, target < 300 ms`);
    console.log(`  from the list (content loaded while it is read):`);
    console.log(`    open the version list          ${figure(listed)}`);
    console.log(`    open the last version          ${figure(openLast)}, target < 300 ms`);
    console.log(`    open the first version         ${figure(openFirst)}, target < 300 ms`);
    console.log(`  load average (1, 5, 15 min)      ${figures.loadAverage}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
