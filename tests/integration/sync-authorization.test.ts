/**
 * Sync connections get exactly the rights of their person's role, decided at
 * upgrade and followed at once when the role changes.
 */
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ACCESS_TOKEN_PARAM } from '../../server/sync/authorize-upgrade';
import { CloseCode } from '../../shared/close-codes';
import { MessageType } from '../../shared/protocol';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { droppedCount, POLICY_DROPS_MESSAGE, quickDropReports } from '../helpers/policy-drops';
import { connectRawClient } from '../helpers/raw-client';
import { connectStockClient, type StockClient, syncUrl, waitForDoc } from '../helpers/stock-client';
import { once, waitFor } from '../helpers/wait';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const DOC = 'shared-draft';

describe('sync authorisation', () => {
  let workspace: TestWorkspace;
  const clients: StockClient[] = [];
  const connect = (person: TestPerson, docId = DOC) => {
    const client = connectStockClient(workspace.url, docId, workspace.auth(person));
    clients.push(client);
    return client;
  };
  const person = async (name: string, role: 'participant' | 'observer' | 'reviewer') => {
    const p = await addPerson(workspace.server.meta, name);
    await addMember(workspace.server.meta, workspace.labId, p.user, role);
    return p;
  };
  const closeCode = (client: StockClient) =>
    once<number>('the connection to close', (resolve) => {
      const listener = (event: CloseEvent | null) => resolve(event?.code ?? -1);
      client.provider.on('connection-close', listener);
      return () => client.provider.off('connection-close', listener);
    });
  const api = (method: string, path: string, body: unknown) =>
    fetch(`${workspace.url}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${workspace.owner.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });

  beforeEach(async () => {
    workspace = await startTestWorkspace({ config: quickDropReports() });
    await workspace.registerDoc(DOC, 'open_for_comment');
    const owner = connect(workspace.owner);
    await owner.whenSynced();
    owner.text.insert(0, 'Aim agreed with patients.');
    await workspace.server.store.flush(DOC);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace.stop();
  });

  it('a reviewer’s stock client cannot change the document for anyone', async () => {
    const reviewer = await person('Rita Reviewer', 'reviewer');
    const participant = connect(await person('Paul Participant', 'participant'));
    const client = connect(reviewer);
    await Promise.all([client.whenSynced(), participant.whenSynced()]);
    expect(client.text.toString()).toBe('Aim agreed with patients.');
    const dropped = workspace.waitForLog(
      POLICY_DROPS_MESSAGE,
      (r) => droppedCount(r, 'read_only_update') > 0,
    );
    client.text.insert(0, 'REVIEWER WAS HERE ');
    await dropped;
    const fresh = connect(workspace.owner);
    await fresh.whenSynced();
    expect(fresh.text.toString()).toBe('Aim agreed with patients.');
    expect(participant.text.toString()).toBe('Aim agreed with patients.');
  });

  it('a participant lowered to observer can no longer write within a second, without reconnecting by hand', async () => {
    const paul = await person('Paul Participant', 'participant');
    const client = connect(paul);
    await client.whenSynced();
    client.text.insert(client.text.length, ' Edit while a participant.');
    const owner = connect(workspace.owner);
    await waitForDoc(owner.doc, 'the edit to arrive', () =>
      owner.text.toString().includes('Edit while'),
    );
    const closed = closeCode(client);
    const started = Date.now();
    const response = await api('PATCH', `/labs/${workspace.labId}/members/${paul.user.id}`, {
      role: 'observer',
    });
    expect(response.status).toBe(200);
    expect(await closed).toBe(CloseCode.RightsChanged);
    expect(Date.now() - started).toBeLessThan(1000);
    await waitFor(
      'the client to reconnect',
      () => client.provider.wsconnected,
      (notify) => {
        client.provider.on('status', notify);
        return () => client.provider.off('status', notify);
      },
    );
    const dropped = workspace.waitForLog(
      POLICY_DROPS_MESSAGE,
      (r) => droppedCount(r, 'read_only_update') > 0,
    );
    client.text.insert(0, 'SHOULD NOT LAND ');
    await dropped;
    const fresh = connect(workspace.owner);
    await fresh.whenSynced();
    expect(fresh.text.toString()).not.toContain('SHOULD NOT LAND');
    expect(fresh.text.toString()).toContain('Edit while a participant.');
  });

  it('a removed member is disconnected and refused from then on', async () => {
    const paul = await person('Paul Participant', 'participant');
    const client = connect(paul);
    await client.whenSynced();
    const closed = closeCode(client);
    const response = await fetch(
      `${workspace.url}/api/labs/${workspace.labId}/members/${paul.user.id}`,
      {
        method: 'DELETE',
        headers: { authorization: `Bearer ${workspace.owner.token}` },
      },
    );
    expect(response.status).toBe(200);
    expect(await closed).toBe(CloseCode.Forbidden);
    const raw = connectRawClient(
      workspace.url,
      DOC,
      `?${new URLSearchParams(workspace.auth(paul))}`,
    );
    expect((await raw.closed()).code).toBe(CloseCode.Forbidden);
  });

  it('refuses a socket without a session, from a non-member, or from another Origin', async () => {
    const anonymous = connectRawClient(workspace.url, DOC);
    expect((await anonymous.closed()).code).toBe(CloseCode.Unauthenticated);
    const outsider = await addPerson(workspace.server.meta, 'Olga Outsider');
    const stranger = connectRawClient(
      workspace.url,
      DOC,
      `?${new URLSearchParams(workspace.auth(outsider))}`,
    );
    expect((await stranger.closed()).code).toBe(CloseCode.Forbidden);
    const url = `${syncUrl(workspace.url)}/${DOC}?${ACCESS_TOKEN_PARAM}=${workspace.owner.token}`;
    const crossSite = new WebSocket(url, { origin: 'https://evil.example' });
    const code = await new Promise<number>((resolve) => crossSite.on('close', (c) => resolve(c)));
    expect(code).toBe(CloseCode.Forbidden);
  });

  it('drops awareness states that claim to be someone else', async () => {
    const paul = await person('Paul Participant', 'participant');
    const watcher = connect(workspace.owner);
    await watcher.whenSynced();
    const raw = connectRawClient(
      workspace.url,
      DOC,
      `?${new URLSearchParams(workspace.auth(paul))}`,
    );
    await raw.nextFrame(MessageType.Sync);
    const forged = new awarenessProtocol.Awareness(new Y.Doc());
    forged.setLocalState({
      user: { id: workspace.owner.user.id, name: 'Olivia Owner', color: '#005eb8' },
    });
    const dropped = workspace.waitForLog(POLICY_DROPS_MESSAGE);
    raw.send(awarenessFrame(forged));
    expect(droppedCount(await dropped, 'awareness_forged_user')).toBe(1);
    const honest = new awarenessProtocol.Awareness(new Y.Doc());
    honest.setLocalState({
      user: { id: paul.user.id, name: 'Paul Participant', color: '#007f3b' },
    });
    raw.send(awarenessFrame(honest));
    const { awareness } = watcher.provider;
    await waitFor(
      'the honest state to arrive',
      () => awareness.getStates().has(honest.clientID),
      (notify) => {
        awareness.on('change', notify);
        return () => awareness.off('change', notify);
      },
    );
    expect(awareness.getStates().has(forged.clientID)).toBe(false);
    forged.destroy();
    honest.destroy();
    raw.close();
  });
});

function awarenessFrame(awareness: awarenessProtocol.Awareness): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
  );
  return encoding.toUint8Array(encoder);
}
