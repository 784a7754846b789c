/**
 * Seeded frames for the protocol fuzz suite: well-formed and mutated sync and
 * awareness messages, real Yjs updates (in order, out of order, damaged), random
 * bytes and truncations. The same seed gives the same frames, so a failing run can be
 * replayed and kept as a named test.
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../shared/protocol';

export type Random = () => number;

function int(random: Random, n: number): number {
  return Math.floor(random() * n);
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[int(random, items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  return frame(MessageType.Sync, (encoder) => {
    encoding.writeVarUint(encoder, step);
    encoding.writeVarUint8Array(encoder, payload);
  });
}

/** One to three edits: a random byte, a number nudged by one, a cut or an insert. */
export function mutate(bytes: Uint8Array, random: Random): Uint8Array {
  const copy = Array.from(bytes);
  const edits = 1 + int(random, 3);
  for (let e = 0; e < edits && copy.length > 0; e++) {
    const at = int(random, copy.length);
    const kind = random();
    if (kind < 0.4) copy[at] = int(random, 256);
    else if (kind < 0.8) copy[at] = ((copy[at] ?? 0) + (random() < 0.5 ? 1 : -1)) & 0xff;
    else if (kind < 0.9) copy.splice(at, 1 + int(random, 3));
    else copy.splice(at, 0, int(random, 256));
  }
  return Uint8Array.from(copy);
}

/** A writer whose real updates the fuzzer sends, and whose history it damages. */
class UpdateSource {
  private readonly doc = new Y.Doc();
  readonly history: Uint8Array[] = [];

  constructor(private readonly random: Random) {
    this.doc.clientID = 1 + int(random, 2 ** 30);
    this.doc.on('update', (update: Uint8Array) => this.history.push(update));
  }

  /** Makes one edit of a random kind and returns its update. */
  next(): Uint8Array {
    const { doc, random } = this;
    const text = doc.getText('text');
    const before = this.history.length;
    const choice = random();
    if (choice < 0.5 || text.length < 4) {
      text.insert(int(random, text.length + 1), pick(random, ['a', 'falls ', 'ü🙂', '\n']), {
        ...(random() < 0.2 ? { bold: true } : {}),
      });
    } else if (choice < 0.7) text.delete(int(random, text.length - 2), 1 + int(random, 2));
    else if (choice < 0.85) {
      doc.getMap(pick(random, ['fields', 'meta'])).set(`k${int(random, 5)}`, int(random, 100));
    } else {
      doc.getXmlFragment('body').insert(0, [new Y.XmlElement('paragraph')]);
    }
    return this.history[before] ?? Y.encodeStateAsUpdate(doc);
  }

  /** The whole state, as a sync step 2 would carry it. */
  state(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }
}

function awarenessUpdate(random: Random): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({
    user: { name: pick(random, ['Ann', 'x'.repeat(int(random, 300))]), color: '#336699' },
    cursor: random() < 0.5 ? null : { anchor: int(random, 50) },
  });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  doc.destroy();
  return update;
}

/** Frames of every kind the fuzzer sends, drawn from one seeded generator. */
export class FuzzFrames {
  private readonly sources: UpdateSource[];

  constructor(private readonly random: Random) {
    this.sources = [new UpdateSource(random), new UpdateSource(random)];
  }

  /** The next frame, and a name for its kind (for the report). */
  next(): { kind: string; frame: Uint8Array } {
    const { random } = this;
    const source = pick(random, this.sources);
    const roll = random();
    if (roll < 0.22)
      return { kind: 'update', frame: syncFrame(SyncMessageType.Update, source.next()) };
    if (roll < 0.5) {
      const update = source.history.length > 0 ? pick(random, source.history) : source.next();
      const step = random() < 0.5 ? SyncMessageType.Update : SyncMessageType.Step2;
      return { kind: 'mutated update', frame: syncFrame(step, mutate(update, random)) };
    }
    if (roll < 0.55)
      return { kind: 'state', frame: syncFrame(SyncMessageType.Step2, source.state()) };
    if (roll < 0.62) {
      const vector = Y.encodeStateVectorFromUpdate(source.state());
      const payload = random() < 0.5 ? vector : mutate(vector, random);
      return { kind: 'step 1', frame: syncFrame(SyncMessageType.Step1, payload) };
    }
    if (roll < 0.72) {
      const update = awarenessUpdate(random);
      const payload = random() < 0.5 ? update : mutate(update, random);
      return {
        kind: 'awareness',
        frame: frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, payload)),
      };
    }
    if (roll < 0.8) {
      const whole = this.next().frame;
      return { kind: 'truncated', frame: whole.slice(0, int(random, whole.length)) };
    }
    if (roll < 0.9) return { kind: 'mutated frame', frame: mutate(this.next().frame, random) };
    const bytes = Uint8Array.from({ length: int(random, 48) }, () => int(random, 256));
    return { kind: 'random bytes', frame: bytes };
  }
}
