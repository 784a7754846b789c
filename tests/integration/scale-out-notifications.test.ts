/**
 * Notifications across processes (PostgreSQL and Redis): a comment written through
 * one process that mentions someone reaches that person's unread count streamed from
 * another, and marking it read through the first is streamed by the second too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_LAB } from '../../shared/demo';
import { apiAs, CHILD_ADMIN, signIn } from '../helpers/accounts';
import { testDatabase } from '../helpers/postgres';
import { testRedis } from '../helpers/redis';
import { inviteParticipant, PARTICIPANT, ScaleOutProcesses } from '../helpers/scale-out-cluster';

describe.skipIf(testDatabase === null || testRedis === null)(
  'scale-out: notifications across processes',
  () => {
    const processes = new ScaleOutProcesses();
    afterEach(() => processes.cleanup());

    it('streams a mention made through A to the person’s count on B', {
      timeout: 120_000,
    }, async () => {
      const cluster = processes.newCluster();
      const a = await processes.start(cluster);
      const b = await processes.start(cluster);
      const admin = await signIn(a.url, CHILD_ADMIN.email, CHILD_ADMIN.password);
      const joined = await inviteParticipant(a.url, admin, DEMO_LAB.id);
      expect(joined.status).toBe(201);
      const pat = await signIn(b.url, PARTICIPANT.email, PARTICIPANT.password);
      const stream = await fetch(`${b.url}/api/notifications/stream`, {
        headers: { cookie: pat.cookie },
      });
      const reader = stream.body?.pipeThrough(new TextDecoderStream()).getReader();
      if (!reader) throw new Error('no stream');
      let text = '';
      const counts = () => [...text.matchAll(/event: count\ndata: (.*)\n/g)].map((m) => m[1]);
      const until = async (wanted: string) => {
        while (!counts().includes(wanted)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`the stream ended before ${wanted}: ${text}`);
          text += value;
        }
      };
      await until('{"unread":0}');

      const { item } = await apiAs<{ item: { id: string } }>(
        a.url,
        admin,
        'POST',
        `/api/labs/${DEMO_LAB.id}/items`,
        { kind: 'problem', title: 'Falls across processes' },
      );
      await apiAs(a.url, admin, 'POST', `/api/items/${item.id}/comments`, {
        body: '@Pat Participant could you look at this?',
      });
      await until('{"unread":1}');
      const patOnA = await signIn(a.url, PARTICIPANT.email, PARTICIPANT.password);
      await apiAs(a.url, patOnA, 'POST', '/api/notifications/read-all');
      text = '';
      await until('{"unread":0}');
      await reader.cancel();
    });
  },
);
