/**
 * Several server processes on one PostgreSQL schema and one Redis, run as `npm start`
 * runs them: stock y-websocket clients on different processes co-edit and see each
 * other's presence, an access change made through one process closes the socket on
 * another within a second, and a process cut off from Redis stops acknowledging and
 * says so in `/readyz` until Redis is back. Each test has its own schema and Redis
 * prefix; without PostgreSQL and Redis the suite is skipped (the pretest step says so).
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/close-codes';
import { DEMO_LAB } from '../../shared/demo';
import { ACCESS_TOKEN_PARAM } from '../../server/sync/authorize-upgrade';
import { apiAs, CHILD_ADMIN, prepareChildDoc, signIn } from '../helpers/accounts';
import { testDatabase } from '../helpers/postgres';
import { testRedis } from '../helpers/redis';
import {
  type Cluster,
  committedText,
  inviteParticipant,
  PARTICIPANT,
  readyz,
  ScaleOutProcesses,
  waitForBusMessages,
  waitForReadiness,
} from '../helpers/scale-out-cluster';
import { syncUrl, waitForDoc } from '../helpers/stock-client';
import { startTcpProxy } from '../helpers/tcp-proxy';
import { once, waitFor } from '../helpers/wait';

describe.skipIf(testDatabase === null || testRedis === null)(
  'scale-out: several processes on PostgreSQL and Redis',
  () => {
    const processes = new ScaleOutProcesses();
    afterEach(() => processes.cleanup());
    const newCluster = () => processes.newCluster();
    const start = (cluster: Cluster, redisUrl?: string) => processes.start(cluster, redisUrl);
    const stock = (url: string, docId: string, token: string) => processes.stock(url, docId, token);

    it('co-edits one document from two processes, with presence, and a late joiner on either gets everything', {
      timeout: 120_000,
    }, async () => {
      const cluster = newCluster();
      const a = await start(cluster);
      const b = await start(cluster);
      // Created through A, used at once through B: B catches up when it misses them.
      const { docId, token } = await prepareChildDoc(a.url, DEMO_LAB.id);
      const onA = stock(a.url, docId, token);
      const onB = stock(b.url, docId, token);
      await Promise.all([onA.whenSynced(), onB.whenSynced()]);

      let typed = 0;
      for (let i = 0; i < 20; i += 1) {
        onA.text.insert(onA.text.length, `a${i} `);
        onB.text.insert(0, `b${i} `);
        typed += `a${i} b${i} `.length;
      }
      await Promise.all([
        waitForDoc(onA.doc, 'A to have every edit', () => onA.text.length === typed),
        waitForDoc(onB.doc, 'B to have every edit', () => onB.text.length === typed),
      ]);
      expect(onB.text.toString()).toBe(onA.text.toString());

      // Presence crosses processes (states without a `user` claim nobody's name).
      onA.provider.awareness.setLocalStateField('cursor', { at: 1 });
      const aClient = onA.doc.clientID;
      await waitFor(
        "A's presence on B",
        () => onB.provider.awareness.getStates().get(aClient)?.cursor !== undefined,
        (notify) => {
          onB.provider.awareness.on('change', notify);
          return () => onB.provider.awareness.off('change', notify);
        },
      );

      for (const url of [a.url, b.url]) {
        const late = stock(url, docId, token);
        await late.whenSynced();
        await waitForDoc(
          late.doc,
          'the late joiner to have everything',
          () => late.text.length === typed,
        );
        expect(late.text.toString()).toBe(onA.text.toString());
      }
    });

    it("closes the socket on B within a second when A changes the person's role", {
      timeout: 120_000,
    }, async () => {
      const cluster = newCluster();
      const a = await start(cluster);
      const b = await start(cluster);
      const admin = await signIn(a.url, CHILD_ADMIN.email, CHILD_ADMIN.password);
      const { docId } = await prepareChildDoc(a.url, DEMO_LAB.id);
      const joined = await inviteParticipant(a.url, admin, DEMO_LAB.id);
      expect(joined.status).toBe(201);
      const user = { id: joined.userId ?? '' };
      // Signed in through B: the session lives there first.
      const participant = await signIn(b.url, PARTICIPANT.email, PARTICIPANT.password);
      const { token } = await apiAs<{ token: string }>(b.url, participant, 'POST', '/api/tokens', {
        name: 'editor',
      });
      const onB = stock(b.url, docId, token);
      await onB.whenSynced();

      const closed = once<{ code: number; at: number }>(
        'the socket on B to close',
        (resolve) => {
          const listener = (event: CloseEvent | null) =>
            resolve({ code: event?.code ?? 0, at: performance.now() });
          onB.provider.on('connection-close', listener);
          return () => onB.provider.off('connection-close', listener);
        },
        15_000,
      );
      await apiAs(a.url, admin, 'PATCH', `/api/labs/${DEMO_LAB.id}/members/${user.id}`, {
        role: 'observer',
      });
      const answered = performance.now();
      const { code, at } = await closed;
      expect(code).toBe(CloseCode.RightsChanged);
      expect(at - answered).toBeLessThan(1_000);
    });

    it('loses no acknowledged edit when one process is killed, and its clients carry on through the other', {
      timeout: 120_000,
    }, async () => {
      const cluster = newCluster();
      const a = await start(cluster);
      const b = await start(cluster);
      const { docId, token } = await prepareChildDoc(a.url, DEMO_LAB.id);
      const writer = processes.saving(a.url, docId, token);
      const onB = stock(b.url, docId, token);
      await Promise.all([writer.whenSynced(), onB.whenSynced()]);
      for (let i = 0; i < 30; i += 1) writer.text.insert(writer.text.length, `line ${i}. `);
      await writer.waitForSaved(writer.sent());
      const acknowledged = writer.text.toString();
      for (let i = 30; i < 60; i += 1) writer.text.insert(writer.text.length, `line ${i}. `);
      a.child.kill('SIGKILL');
      await a.exited();

      // Everything acknowledged was committed and published: a newcomer on B has it.
      const late = stock(b.url, docId, token);
      await late.whenSynced();
      expect(late.text.toString().startsWith(acknowledged)).toBe(true);
      // The writer's client, moved to B, brings what A never acknowledged.
      writer.provider.destroy();
      const moved = new WebsocketProvider(syncUrl(b.url), docId, writer.doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { [ACCESS_TOKEN_PARAM]: token },
      });
      try {
        const everything = writer.text.toString();
        await waitForDoc(
          onB.doc,
          "the writer's every line on B",
          () => onB.text.toString() === everything,
        );
      } finally {
        moved.destroy();
      }
    });

    it('backs off sign-in through B after failures through A', { timeout: 120_000 }, async () => {
      const cluster = newCluster();
      const a = await start(cluster);
      const b = await start(cluster);
      const signInTo = (url: string, password: string) =>
        fetch(`${url}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: CHILD_ADMIN.email, password }),
        }).then((response) => response.status);
      // Seven failures through A (past the five free ones, each retried once its wait is
      // over) leave this account and address a wait of 4 s.
      let failures = 0;
      while (failures < 7) {
        const status = await signInTo(a.url, 'not the password');
        if (status === 401) failures += 1;
        else expect(status).toBe(429);
      }
      // A failure crosses a few milliseconds late, and the seventh lands just as the
      // sixth's wait of 2 s is over: B is asked once it has acted on all seven.
      await waitForBusMessages(b.url, 'throttles', failures);
      // B has applied A's failures: even the right password waits there, though nothing
      // was ever tried through B.
      expect(await signInTo(b.url, CHILD_ADMIN.password)).toBe(429);
    });

    it('stops saying "Saved" while Redis is away, says so in /readyz, and recovers by itself', {
      timeout: 120_000,
    }, async () => {
      if (testRedis === null) return;
      const cluster = newCluster();
      const redisPort = Number(new URL(testRedis).port || 6379);
      const proxy = processes.keep(await startTcpProxy(redisPort));
      const redisHost = new URL(testRedis);
      redisHost.host = `127.0.0.1:${proxy.port}`;
      const a = await start(cluster, redisHost.toString());
      const b = await start(cluster);
      const { docId, token } = await prepareChildDoc(a.url, DEMO_LAB.id);
      const writer = processes.saving(a.url, docId, token);
      const reader = stock(b.url, docId, token);
      await Promise.all([writer.whenSynced(), reader.whenSynced()]);
      writer.text.insert(0, 'before. ');
      await writer.waitForSaved(writer.sent());
      await waitForDoc(reader.doc, 'the first edit on B', () => reader.text.length > 0);
      expect((await readyz(a.url)).status).toBe(200);

      await proxy.cut();
      const notReady = await waitForReadiness(a.url, 503);
      expect(notReady.checks.redis?.ok).toBe(false);
      expect(notReady.checks.postgres?.ok).toBe(true);
      const savedBefore = writer.saved();
      writer.text.insert(writer.text.length, 'while Redis is away.');
      const sentWhileAway = writer.sent();
      expect(sentWhileAway).toBeGreaterThan(savedBefore);
      // The edit is committed (read back through a connection of the test's own), yet
      // not acknowledged while Redis is away.
      const deadline = Date.now() + 15_000;
      while (!(await committedText(cluster.schema, docId)).includes('while Redis is away.')) {
        if (Date.now() > deadline) throw new Error('the edit was never committed');
      }
      expect(writer.saved()).toBe(savedBefore);
      expect((await readyz(a.url)).status).toBe(503);

      await proxy.restore();
      await waitForReadiness(a.url, 200);
      await writer.waitForSaved(sentWhileAway);
      await waitForDoc(reader.doc, 'the edit made while Redis was away, on B', () =>
        reader.text.toString().includes('while Redis is away.'),
      );
      expect(reader.text.toString()).toBe(writer.text.toString());
    });
  },
);
