/**
 * Versions in scale-out mode: the history is kept in PostgreSQL, so a version one
 * process takes is listed, and opened, by another, and two processes naming versions
 * of one document at the same time both keep theirs, in one sequence every process
 * reads the same. Skipped without PostgreSQL and Redis, like the other scale-out suites.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { section } from '../../shared/documents/item-doc';
import { DEMO_LAB } from '../../shared/demo';
import type { ComparisonResponse, VersionListResponse } from '../../shared/schemas/history';
import { apiAs, CHILD_ADMIN, prepareChildDoc, signIn } from '../helpers/accounts';
import type { HttpSession } from '../helpers/accounts';
import { testDatabase } from '../helpers/postgres';
import { testRedis } from '../helpers/redis';
import { ScaleOutProcesses } from '../helpers/scale-out-cluster';
import { waitForDoc } from '../helpers/stock-client';

/** Adds a paragraph to a note's body, as its editor would. */
function writeParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const body = section(doc, 'body');
  body.insert(body.length, [paragraph]);
}

describe.skipIf(testDatabase === null || testRedis === null)(
  'scale-out: versions shared by every process',
  () => {
    const processes = new ScaleOutProcesses();
    afterEach(() => processes.cleanup());

    it('lists and opens on one process a version taken on the other', {
      timeout: 120_000,
    }, async () => {
      const cluster = processes.newCluster();
      const a = await processes.start(cluster);
      const b = await processes.start(cluster);
      const { docId, token } = await prepareChildDoc(a.url, DEMO_LAB.id);
      const onA = processes.stock(a.url, docId, token);
      const onB = processes.stock(b.url, docId, token);
      await Promise.all([onA.whenSynced(), onB.whenSynced()]);
      writeParagraph(onA.doc, 'Falls on nights.');
      await waitForDoc(onB.doc, 'B to have A’s text', () => section(onB.doc, 'body').length > 0);

      const sessionA = await signIn(a.url, CHILD_ADMIN.email, CHILD_ADMIN.password);
      const sessionB = await signIn(b.url, CHILD_ADMIN.email, CHILD_ADMIN.password);
      const name = (url: string, session: HttpSession, versionName: string) =>
        apiAs<{ version: { id: string } }>(url, session, 'POST', `/api/items/${docId}/versions`, {
          name: versionName,
        });
      const list = async (url: string, session: HttpSession) =>
        (await apiAs<VersionListResponse>(url, session, 'GET', `/api/items/${docId}/versions`))
          .versions;

      const taken = await name(a.url, sessionA, 'Agreed at lab meeting 3');
      const onOther = await list(b.url, sessionB);
      expect(onOther.map((v) => v.name)).toEqual(['Agreed at lab meeting 3']);
      const view = await apiAs<ComparisonResponse>(
        b.url,
        sessionB,
        'GET',
        `/api/items/${docId}/versions/${taken.version.id}`,
      );
      expect(JSON.stringify(view)).toContain('Falls on nights.');

      // Both processes name a version at once, each after its own people's typing.
      writeParagraph(onA.doc, 'From A.');
      writeParagraph(onB.doc, 'From B.');
      // Each process has both (a version is of what the process serving it holds).
      await Promise.all(
        [onA, onB].map((client) =>
          waitForDoc(client.doc, 'both paragraphs', () => section(client.doc, 'body').length === 3),
        ),
      );
      await Promise.all([name(a.url, sessionA, 'Named on A'), name(b.url, sessionB, 'Named on B')]);
      const [fromA, fromB] = await Promise.all([list(a.url, sessionA), list(b.url, sessionB)]);
      expect(fromA).toEqual(fromB);
      expect(fromA.map((v) => v.name).sort()).toEqual(
        ['Agreed at lab meeting 3', 'Named on A', 'Named on B'].sort(),
      );
      // The newest version shows both processes' typing.
      const newest = fromA[0]?.id;
      const last = await apiAs<ComparisonResponse>(
        a.url,
        sessionA,
        'GET',
        `/api/items/${docId}/versions/${newest}`,
      );
      expect(JSON.stringify(last)).toContain('From A.');
      expect(JSON.stringify(last)).toContain('From B.');
    });
  },
);
