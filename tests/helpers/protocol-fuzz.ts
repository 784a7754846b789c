/**
 * The protocol fuzz run, shared by `tests/integration/sync-fuzz.test.ts` (a fixed
 * seed in `npm test`) and `npm run fuzz` (any seed, any count). An editor and a
 * read-only observer send seeded frames (`fuzz-frames.ts`) to a real server, one at a
 * time, each followed by an awareness query whose answer shows the server took it;
 * a refused frame closes that socket and the fuzzer opens another. Between batches,
 * stock clients (bystanders) must still see each other's edits. At the end the server
 * restarts and every document must reopen as it was, with nothing that failed to
 * apply on the server or on any stock client.
 */
import type * as Y from 'yjs';
import { MessageType } from '../../shared/protocol';
import { addMember, addPerson, type TestPerson } from './accounts';
import { FuzzFrames } from './fuzz-frames';
import { prng } from './prng';
import { connectRawClient, type RawClient } from './raw-client';
import { connectStockClient, type StockClient, waitForDoc } from './stock-client';
import { waitFor } from './wait';
import type { TestWorkspace } from './workspace';

export interface FuzzOptions {
  readonly seed: number;
  readonly count: number;
  /** Frames between two checks that bystanders still sync. */
  readonly batch?: number;
  readonly docs?: number;
}

export interface FuzzReport {
  readonly frames: number;
  readonly kinds: Record<string, number>;
  /** Sockets the server closed, by close code. */
  readonly closes: Record<string, number>;
  /** Problems found; empty when the run passed. */
  readonly problems: string[];
}

const QUERY_AWARENESS = Uint8Array.from([MessageType.QueryAwareness]);

/** Sends a frame, then a query; resolves with the close code, or null if the socket lived. */
async function sendOne(raw: RawClient, frame: Uint8Array): Promise<number | null> {
  let answered = false;
  const before = raw.frames.length;
  raw.send(frame);
  raw.send(QUERY_AWARENESS);
  await waitFor(
    'the server to take a fuzz frame',
    () => {
      answered ||= raw.frames.slice(before).some((f) => f[0] === MessageType.Awareness);
      return answered || raw.socket.readyState === raw.socket.CLOSED;
    },
    (notify) => {
      raw.socket.on('message', notify);
      raw.socket.on('close', notify);
      return () => {
        raw.socket.off('message', notify);
        raw.socket.off('close', notify);
      };
    },
  );
  return answered ? null : (await raw.closed()).code;
}

export async function runProtocolFuzz(
  workspace: TestWorkspace,
  options: FuzzOptions,
): Promise<FuzzReport> {
  const { seed, count, batch = 250, docs: docCount = 2 } = options;
  const random = prng(seed);
  const frames = new FuzzFrames(random);
  const observer = await addPerson(workspace.server.meta, `Fuzz Observer ${seedName(seed)}`);
  await addMember(workspace.server.meta, workspace.labId, observer.user, 'observer');
  const docIds = Array.from({ length: docCount }, (_, i) => `fuzz-${seed}-${i}`);
  for (const docId of docIds) await workspace.registerDoc(docId);

  const problems: string[] = [];
  const kinds: Record<string, number> = {};
  const closes: Record<string, number> = {};
  const caught = captureYjsErrors(problems);
  const bystanders = docIds.map((docId) => ({
    docId,
    writer: connectStockClient(workspace.url, docId, workspace.auth()),
    reader: connectStockClient(workspace.url, docId, workspace.auth(observer)),
  }));
  const sockets = new Map<string, RawClient>();
  const socketFor = async (docId: string, person: TestPerson | undefined) => {
    const key = `${docId}:${person ? 'observer' : 'editor'}`;
    const open = sockets.get(key);
    if (open && open.socket.readyState === open.socket.OPEN) return open;
    const query = new URLSearchParams(workspace.auth(person));
    const raw = connectRawClient(workspace.url, docId, `?${query}`);
    sockets.set(key, raw);
    await raw.opened();
    return raw;
  };
  try {
    for (const { writer, reader } of bystanders) {
      await writer.whenSynced();
      await reader.whenSynced();
    }
    for (let sent = 0; sent < count; sent++) {
      const { kind, frame } = frames.next();
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      const docId = docIds[Math.floor(random() * docIds.length)] as string;
      const raw = await socketFor(docId, random() < 0.2 ? observer : undefined);
      const code = await sendOne(raw, frame);
      if (code !== null) closes[code] = (closes[code] ?? 0) + 1;
      if ((sent + 1) % batch === 0) await bystandersStillSync(bystanders, sent);
    }
    await bystandersStillSync(bystanders, count);
    const before = bystanders.map(({ reader }) => content(reader.doc));
    for (const { reader } of bystanders) {
      if (reader.doc.store.pendingStructs) problems.push('a stock client holds pending structs');
    }
    for (const raw of sockets.values()) raw.close();
    for (const { writer, reader } of bystanders) {
      writer.destroy();
      reader.destroy();
    }
    await workspace.restart();
    for (const [index, docId] of docIds.entries()) {
      const fresh = connectStockClient(workspace.url, docId, workspace.auth());
      await fresh.whenSynced();
      if (content(fresh.doc) !== before[index]) {
        problems.push(`${docId} reopened different from what bystanders held`);
      }
      fresh.destroy();
    }
  } finally {
    caught.restore();
    for (const raw of sockets.values()) raw.close();
    for (const { writer, reader } of bystanders) {
      writer.destroy();
      reader.destroy();
    }
  }
  for (const record of workspace.logs) {
    if (/could not be applied|failed to apply|not passed on/.test(record.message)) {
      problems.push(`server log: ${record.message} (${String(record.docId ?? '')})`);
    }
  }
  return { frames: count, kinds, closes, problems };
}

interface Bystanders {
  readonly docId: string;
  readonly writer: StockClient;
  readonly reader: StockClient;
}

/** Each document's writer adds a marker that its reader must receive. */
async function bystandersStillSync(bystanders: readonly Bystanders[], round: number) {
  await Promise.all(
    bystanders.map(async ({ writer, reader }) => {
      const marker = `[${round}]`;
      const text = writer.doc.getText('bystander');
      text.insert(text.length, marker);
      const seen = reader.doc.getText('bystander');
      await waitForDoc(reader.doc, `bystander marker ${marker}`, () =>
        seen.toString().includes(marker),
      );
    }),
  );
}

/**
 * Stock clients report an update they cannot apply only on the console
 * (y-protocols' "Caught error while handling a Yjs update"): count it as a problem.
 */
function captureYjsErrors(problems: string[]): { restore(): void } {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (args.some((arg) => String(arg).includes('Caught error'))) {
      problems.push(`a stock client failed to apply an update: ${String(args[1])}`);
    }
    original(...args);
  };
  return {
    restore: () => {
      console.error = original;
    },
  };
}

/** A seed spelt in letters, for names that take no digits (an email's local part here). */
function seedName(seed: number): string {
  return Array.from(String(seed), (digit) => String.fromCharCode(97 + Number(digit))).join('');
}

/**
 * What a person sees in the document: each root the fuzzer writes, read as its type.
 * Not its structure: the server applies waiting updates in one transaction, and Yjs
 * then tidies a text's formatting marks differently from a client that applied them
 * one by one (the marks it deletes are redundant; the text and its formats are equal).
 */
function content(doc: Y.Doc): string {
  return JSON.stringify({
    text: doc.getText('text').toDelta(),
    fields: doc.getMap('fields').toJSON(),
    meta: doc.getMap('meta').toJSON(),
    body: doc.getXmlFragment('body').toString(),
    bystander: doc.getText('bystander').toString(),
  });
}
