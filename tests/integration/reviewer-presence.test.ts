/**
 * Presence follows the rule comments follow: a reviewer (a patient or member of the
 * public) is shown to other reviewers only as "Another reviewer", on the item
 * document and on its comments document, whether the other reviewer was there
 * first, came later or asked for everyone's presence. Staff see every name, and a
 * reviewer sees their own. The server does this: the stock clients here publish
 * their real names, as the browser does.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANOTHER_REVIEWER } from '../../shared/comment-authors';
import { commentsDocId } from '../../shared/comments';
import { MessageType } from '../../shared/protocol';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { connectRawClient, type RawClient } from '../helpers/raw-client';
import { connectStockClient, type StockClient } from '../helpers/stock-client';
import { waitFor } from '../helpers/wait';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const ITEM = 'night-falls';

interface PresenceUser {
  id?: unknown;
  name?: unknown;
  color?: unknown;
}

describe("reviewers' presence", () => {
  let workspace: TestWorkspace;
  let pat: TestPerson;
  let rae: TestPerson;
  let nia: TestPerson;
  const clients: StockClient[] = [];
  const raws: RawClient[] = [];

  beforeEach(async () => {
    workspace = await startTestWorkspace();
    await workspace.registerDoc(ITEM, 'open_for_comment');
    const { meta } = workspace.server;
    pat = await addPerson(meta, 'Pat Patient');
    rae = await addPerson(meta, 'Rae Relative');
    nia = await addPerson(meta, 'Nia Nurse');
    await addMember(meta, workspace.labId, pat.user, 'reviewer');
    await addMember(meta, workspace.labId, rae.user, 'reviewer');
    await addMember(meta, workspace.labId, nia.user, 'participant');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const raw of raws.splice(0)) raw.socket.terminate();
    await workspace.stop();
  });

  /** A stock client of `docId` publishing `person`'s presence as the browser does. */
  const join = async (docId: string, person: TestPerson) => {
    const client = connectStockClient(workspace.url, docId, workspace.auth(person));
    clients.push(client);
    const { id, name } = person.user;
    client.provider.awareness.setLocalStateField('user', { id, name, color: '#005eb8' });
    await client.whenSynced();
    return client;
  };
  /** The user `client` sees for `person`, once it sees them with `check` holding. */
  const seen = async (
    client: StockClient,
    person: TestPerson,
    check: (state: Record<string, unknown>) => boolean = () => true,
  ) => {
    const { awareness } = client.provider;
    let found: Record<string, unknown> | undefined;
    await waitFor(
      `${person.user.name}'s presence`,
      () => {
        found = Array.from(awareness.getStates().values()).find(
          (state) =>
            (state.user as PresenceUser | undefined)?.id === person.user.id && check(state),
        );
        return found !== undefined;
      },
      (notify) => {
        awareness.on('change', notify);
        return () => awareness.off('change', notify);
      },
    );
    return found?.user as PresenceUser;
  };
  const everythingSeenBy = (client: StockClient) =>
    JSON.stringify(Array.from(client.provider.awareness.getStates().values()));

  for (const [document, docIdOf] of [
    ['item', (item: string) => item],
    ['comments', commentsDocId],
  ] as const) {
    it(`shows a reviewer to other reviewers only as "${ANOTHER_REVIEWER}" (${document} document)`, async () => {
      const docId = docIdOf(ITEM);
      // Rae is there first (the change reaches her), Nia too.
      const raeClient = await join(docId, rae);
      const niaClient = await join(docId, nia);
      const patClient = await join(docId, pat);
      expect((await seen(raeClient, pat)).name).toBe(ANOTHER_REVIEWER);
      // A later change of Pat's presence (her field) stays nameless.
      patClient.provider.awareness.setLocalStateField('field', 'fields.aim');
      await seen(raeClient, pat, (state) => state.field === 'fields.aim');
      expect(everythingSeenBy(raeClient)).not.toContain('Pat Patient');
      // Staff see her name; she sees staff and herself by name.
      expect((await seen(niaClient, pat)).name).toBe('Pat Patient');
      expect((await seen(patClient, nia)).name).toBe('Nia Nurse');
      expect((await seen(patClient, rae)).name).toBe(ANOTHER_REVIEWER);
      expect(patClient.provider.awareness.getLocalState()?.user).toMatchObject({
        name: 'Pat Patient',
      });
      // A reviewer who comes later is greeted with everyone's presence: still nameless.
      const sam = await addPerson(workspace.server.meta, 'Sam Someone');
      await addMember(workspace.server.meta, workspace.labId, sam.user, 'reviewer');
      const samClient = await join(docId, sam);
      expect((await seen(samClient, pat)).name).toBe(ANOTHER_REVIEWER);
      expect((await seen(samClient, rae)).name).toBe(ANOTHER_REVIEWER);
      expect((await seen(samClient, nia)).name).toBe('Nia Nurse');
      const samSees = everythingSeenBy(samClient);
      expect(samSees).not.toContain('Pat Patient');
      expect(samSees).not.toContain('Rae Relative');
    });
  }

  it('answers a reviewer asking for everyone’s presence without other reviewers’ names', async () => {
    await join(ITEM, pat);
    const niaClient = await join(ITEM, nia);
    await seen(niaClient, pat);
    const asker = connectRawClient(
      workspace.url,
      ITEM,
      `?${new URLSearchParams(workspace.auth(rae))}`,
    );
    raws.push(asker);
    await asker.nextFrame(MessageType.Sync);
    const query = encoding.createEncoder();
    encoding.writeVarUint(query, MessageType.QueryAwareness);
    asker.send(encoding.toUint8Array(query));
    const answer = await asker.nextFrame(MessageType.Awareness, (decoder) => {
      const update = decoding.readVarUint8Array(decoder);
      return new TextDecoder().decode(update).includes(pat.user.id);
    });
    const text = new TextDecoder().decode(answer);
    expect(text).toContain(ANOTHER_REVIEWER);
    expect(text).toContain('Nia Nurse');
    expect(text).not.toContain('Pat Patient');
  });
});
