/**
 * Runs Yjs's whole-document encoding over a small sample document twenty times
 * once the server listens, one encoding per turn of the event loop. Until a document
 * is written to (`full-state.ts` then keeps it encoded), nothing on the sync path
 * encodes structs (updates are passed on as they arrived, and the document has no
 * 'update' listener), so without this the first newcomer to a
 * large document is the first caller of the encoder and waits while V8 runs it
 * unoptimised: on the 259,778-edit trace document, 50 to 73 ms of CPU for that first
 * encoding against 19 to 38 ms after this warm-up (the stock server, whose update
 * listener encodes every transaction, 14 to 37 ms). It costs a one-off 100 to 200 ms
 * of CPU, spread over turns so that requests are answered in between.
 *
 * It uses idle time only: it starts `START_DELAY_MS` after listening and, before each
 * encoding, waits while any document is open (`busy`), looking again every
 * `BUSY_RECHECK_MS`. Right after a restart the people who were connected reconnect at
 * once; their own work warms the encoder, and the warm-up's turns would only delay them.
 * A newcomer connecting the moment the server listened to the editing trace's document
 * had the whole text after a median of 170 ms beside a warm-up that did not wait, and of
 * 125 to 140 ms with one that does.
 */
import * as Y from 'yjs';

/** Encodings of the sample: enough calls for V8 to optimise the encoder's functions. */
const ENCODINGS = 20;
/** How long after listening the warm-up waits for the first documents to be asked for. */
export const START_DELAY_MS = 250;
/** How often a warm-up waiting for the server to be idle looks again. */
export const BUSY_RECHECK_MS = 100;
/** Pairs of runs in the sample's text, one of each pair deleted. */
const SAMPLE_PAIRS = 500;

/**
 * Yjs gives each client a random 32-bit id. V8 keeps integers below 2^31 (2^30 where it
 * compresses pointers) inline and larger ones as heap numbers, and code optimised while
 * it saw only one kind is thrown away and compiled again at the first id of the other.
 * With a single client the sample would match half of real documents; the trace's first
 * background encoding then threw away the warm-up's code for the ids' writers (about
 * 80 ms of compilation in the trace benchmark, against about 50 with both kinds).
 */
export const SAMPLE_CLIENT_ID_BOUNDS = { small: 2 ** 30, large: 2 ** 31 } as const;

/** A new document whose random client id is below `small`, or at or above `large`. */
function docWithClientId(kind: 'small' | 'large'): Y.Doc {
  for (;;) {
    const doc = new Y.Doc();
    const id = doc.clientID;
    if (kind === 'small' ? id < SAMPLE_CLIENT_ID_BOUNDS.small : id >= SAMPLE_CLIENT_ID_BOUNDS.large)
      return doc;
    doc.destroy();
  }
}

/**
 * What documents hold: short runs of text, deleted runs (a delete set), a map entry
 * and an XML element, written by two clients, one with a small id and one with a
 * large. Each run is inserted at the start, so none merges with the one before it and
 * no insertion has to search the text.
 */
export function sampleDocument(): Y.Doc {
  const other = docWithClientId('small');
  other.getText('text').insert(0, 'dolor sit amet');
  const doc = docWithClientId('large');
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  other.destroy();
  doc.transact(() => {
    const text = doc.getText('text');
    for (let i = 0; i < SAMPLE_PAIRS; i++) {
      text.insert(0, 'lorem');
      text.insert(0, 'ipsum');
      text.delete(0, 5);
    }
    doc.getMap('meta').set('title', 'sample');
    doc.getXmlFragment('body').insert(0, [new Y.XmlElement('paragraph')]);
  });
  return doc;
}

/**
 * Starts the warm-up in the background after `START_DELAY_MS`; each encoding waits
 * until `busy` says no document is open. `stop` ends it (on shutdown).
 */
export function warmUpEncoder(busy: () => boolean = () => false): { stop(): void } {
  let doc: Y.Doc | null = null;
  let left = ENCODINGS;
  let next: NodeJS.Immediate | null = null;
  let wait: NodeJS.Timeout | null = null;
  /** Runs `step` after `ms`, without keeping the process alive for it. */
  const after = (ms: number) => {
    wait = setTimeout(() => {
      wait = null;
      next = setImmediate(step);
    }, ms);
    wait.unref();
  };
  const step = () => {
    next = null;
    if (busy()) {
      after(BUSY_RECHECK_MS);
      return;
    }
    doc ??= sampleDocument();
    Y.encodeStateAsUpdate(doc);
    left -= 1;
    if (left > 0) next = setImmediate(step);
    else doc.destroy();
  };
  after(START_DELAY_MS);
  return {
    stop() {
      if (wait !== null) clearTimeout(wait);
      wait = null;
      if (next !== null) clearImmediate(next);
      next = null;
      doc?.destroy();
    },
  };
}
