/**
 * Redis restarted for real (killed, every key and subscription gone, started again on
 * the same port) while people on two processes type: both processes say so in
 * `/readyz` and recover by themselves, fan-out between them resumes, and every edit
 * acknowledged before, during or after the restart is committed and reaches everyone.
 * Skipped without PostgreSQL and Redis, or without a `redis-server` to start.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_LAB } from '../../shared/demo';
import { prepareChildDoc } from '../helpers/accounts';
import { testDatabase } from '../helpers/postgres';
import { testRedis } from '../helpers/redis';
import { type OwnRedis, startOwnRedis } from '../helpers/redis-server';
import type { SavingClient } from '../helpers/saving-client';
import { committedText, ScaleOutProcesses, waitForReadiness } from '../helpers/scale-out-cluster';
import { waitForDoc } from '../helpers/stock-client';
import { waitFor } from '../helpers/wait';

const canStartRedis = spawnSync('redis-server', ['--version']).status === 0;

function onUpdate(client: SavingClient, notify: () => void): () => void {
  client.doc.on('update', notify);
  return () => client.doc.off('update', notify);
}

function typeLines(client: SavingClient, who: string, from: number, to: number): void {
  for (let line = from; line < to; line += 1) {
    client.text.insert(client.text.length, `${who}${line}. `);
  }
}

describe.skipIf(testDatabase === null || testRedis === null || !canStartRedis)(
  'scale-out: Redis restarted while people type',
  () => {
    const processes = new ScaleOutProcesses();
    let redis: OwnRedis | null = null;
    afterEach(async () => {
      await processes.cleanup();
      await redis?.close();
      redis = null;
    });

    it('resumes fan-out after the restart and loses nothing acknowledged', {
      timeout: 180_000,
    }, async () => {
      const ownRedis = await startOwnRedis();
      redis = ownRedis;
      const cluster = processes.newCluster();
      const a = await processes.start(cluster, ownRedis.url);
      const b = await processes.start(cluster, ownRedis.url);
      const { docId, token } = await prepareChildDoc(a.url, DEMO_LAB.id);
      const onA = processes.saving(a.url, docId, token);
      const onB = processes.saving(b.url, docId, token);
      await Promise.all([onA.whenSynced(), onB.whenSynced()]);
      const hasLines = (client: SavingClient, count: number) => () => {
        const text = client.text.toString();
        for (let line = 0; line < count; line += 1) {
          if (!text.includes(`a${line}. `) || !text.includes(`b${line}. `)) return false;
        }
        return true;
      };
      const converged = async (what: string, count: number) => {
        await Promise.all([
          onA.waitForSaved(onA.sent()),
          onB.waitForSaved(onB.sent()),
          waitFor(`${what} on A`, hasLines(onA, count), (notify) => onUpdate(onA, notify), 60_000),
          waitFor(`${what} on B`, hasLines(onB, count), (notify) => onUpdate(onB, notify), 60_000),
        ]);
        expect(onB.text.toString()).toBe(onA.text.toString());
      };

      typeLines(onA, 'a', 0, 10);
      typeLines(onB, 'b', 0, 10);
      await converged('the edits before the restart', 10);

      await ownRedis.kill();
      // Typed while Redis is down: committed, but neither process can pass it on.
      typeLines(onA, 'a', 10, 20);
      typeLines(onB, 'b', 10, 20);
      const notReady = await waitForReadiness(a.url, 503);
      expect(notReady.checks.redis?.ok).toBe(false);
      expect((await waitForReadiness(b.url, 503)).checks.redis?.ok).toBe(false);

      await ownRedis.start();
      await Promise.all([waitForReadiness(a.url, 200), waitForReadiness(b.url, 200)]);
      typeLines(onA, 'a', 20, 30);
      typeLines(onB, 'b', 20, 30);
      await converged('the edits during and after the restart', 30);
      expect(await committedText(cluster.schema, docId)).toBe(onA.text.toString());

      // Fan-out is live again: one more line from A reaches B through Redis alone.
      onA.text.insert(onA.text.length, 'after. ');
      await waitForDoc(onB.doc, 'the line typed after recovery on B', () =>
        onB.text.toString().endsWith('after. '),
      );
    });
  },
);
