/**
 * A protocol-level client: a bare `ws` socket that sends exactly the frames a
 * test gives it and records every frame and the close event, to test the
 * server's handling of malformed input and of our own message types.
 */
import * as decoding from 'lib0/decoding';
import { type ClientOptions, WebSocket } from 'ws';
import { MessageType } from '../../shared/protocol';
import { syncUrl } from './stock-client';
import { once, waitFor } from './wait';

export interface RawClient {
  readonly socket: WebSocket;
  readonly frames: Uint8Array[];
  send(frame: Uint8Array): void;
  opened(): Promise<void>;
  closed(): Promise<{ code: number; reason: string }>;
  /** Waits for a frame of `type` that satisfies `match`, returning its decoder after the type. */
  nextFrame(type: number, match?: (decoder: decoding.Decoder) => boolean): Promise<Uint8Array>;
  /** Latest `Saved` count received (0 if none). */
  savedCount(): number;
  waitForSaved(count: number): Promise<void>;
  close(): void;
}

export function connectRawClient(
  httpUrl: string,
  docId: string,
  query = '',
  options: ClientOptions = {},
): RawClient {
  const socket = new WebSocket(`${syncUrl(httpUrl)}/${docId}${query}`, options);
  socket.binaryType = 'nodebuffer';
  const frames: Uint8Array[] = [];
  let saved = 0;
  socket.on('message', (data: Buffer) => {
    const frame = new Uint8Array(data);
    frames.push(frame);
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) === MessageType.Saved) saved = decoding.readVarUint(decoder);
  });
  const closedPromise = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  const onMessage = (notify: () => void) => {
    socket.on('message', notify);
    return () => socket.off('message', notify);
  };
  return {
    socket,
    frames,
    send: (frame) => socket.send(frame),
    opened: () =>
      socket.readyState === WebSocket.OPEN
        ? Promise.resolve()
        : once('socket open', (resolve) => {
            socket.once('open', () => resolve(undefined));
            return () => undefined;
          }),
    closed: () => closedPromise,
    async nextFrame(type, match = () => true) {
      let found: Uint8Array | undefined;
      const seen = frames.length;
      await waitFor(
        `frame of type ${type}`,
        () => {
          found = frames.slice(seen).find((frame) => {
            const decoder = decoding.createDecoder(frame);
            return decoding.readVarUint(decoder) === type && match(decoder);
          });
          return found !== undefined;
        },
        onMessage,
      );
      if (!found) throw new Error('unreachable: waitFor resolved without a frame');
      return found;
    },
    savedCount: () => saved,
    waitForSaved: (count) => waitFor(`Saved count ${count}`, () => saved >= count, onMessage),
    close: () => socket.close(),
  };
}
