/**
 * The JavaScript heap of a server process, read from outside through the V8 inspector
 * protocol (the process is started with `--inspect=127.0.0.1:0`): a full garbage
 * collection (`HeapProfiler.collectGarbage`), then the live heap
 * (`Runtime.getHeapUsage`). Both servers are measured the same way, whatever they run.
 */
import { WebSocket } from 'ws';
import * as z from 'zod';
import { once } from './wait';

/** The node flag that opens the inspector on a free port of the loopback address. */
export const INSPECT_FLAG = '--inspect=127.0.0.1:0';
/** What node prints on stderr once the inspector listens. */
export const INSPECTOR_URL = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/;

const CALL_TIMEOUT_MS = 30_000;
const Reply = z.object({
  id: z.number(),
  result: z.record(z.string(), z.unknown()).optional(),
  error: z.object({ message: z.string() }).optional(),
});
const HeapUsage = z.object({ usedSize: z.number(), totalSize: z.number() });

export interface HeapInspector {
  /** Live JavaScript heap in bytes, after a full garbage collection. */
  usedHeapAfterGc(): Promise<number>;
  close(): void;
}

export async function connectInspector(url: string): Promise<HeapInspector> {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await once<void>(
    'the inspector socket to open',
    (resolve) => {
      socket.once('open', () => resolve());
      return () => undefined;
    },
    CALL_TIMEOUT_MS,
  );
  let nextId = 1;
  const call = async (method: string): Promise<Record<string, unknown>> => {
    const id = nextId++;
    const replied = once<z.infer<typeof Reply>>(
      `the inspector to answer ${method}`,
      (resolve) => {
        const onMessage = (data: Buffer) => {
          const parsed = Reply.safeParse(JSON.parse(data.toString()));
          if (parsed.success && parsed.data.id === id) resolve(parsed.data);
        };
        socket.on('message', onMessage);
        return () => socket.off('message', onMessage);
      },
      CALL_TIMEOUT_MS,
    );
    socket.send(JSON.stringify({ id, method }));
    const reply = await replied;
    if (reply.error) throw new Error(`inspector ${method}: ${reply.error.message}`);
    return reply.result ?? {};
  };
  return {
    async usedHeapAfterGc() {
      // Twice: objects freed by the first collection's finalizers go in the second.
      await call('HeapProfiler.collectGarbage');
      await call('HeapProfiler.collectGarbage');
      return HeapUsage.parse(await call('Runtime.getHeapUsage')).usedSize;
    },
    close: () => socket.close(),
  };
}
