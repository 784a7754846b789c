/**
 * Connections made in a lab, over the real server: four people from three
 * professions edit items through y-websocket and reply to and answer comments; the
 * lab's network shows the ties, counts as new only those first made in this lab, and
 * leaves out whoever asked to be left out.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabNetwork } from '../../shared/network/connections';
import { defaultProfile } from '../../shared/schemas/profile';
import { addItem, addLab, addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { connectSavingClient, type SavingClient } from '../helpers/saving-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('a lab’s network', () => {
  let workspace: TestWorkspace;
  const clients: SavingClient[] = [];
  let nia: TestPerson;
  let dev: TestPerson;
  let nat: TestPerson;
  let pat: TestPerson;

  const api = async <T>(person: TestPerson, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${workspace.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  /** `person` types into the item's document and waits until the server has saved it. */
  const edit = async (person: TestPerson, itemId: string) => {
    const client = connectSavingClient(workspace.url, itemId, workspace.auth(person));
    clients.push(client);
    await client.whenSynced();
    client.text.insert(0, `${person.user.name} was here. `);
    await client.waitForSaved(1);
  };

  beforeEach(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    nia = await addPerson(meta, 'Nia Nurse');
    dev = await addPerson(meta, 'Dev Doctor');
    await meta.updateUser(dev.user.id, { profession: 'doctor' });
    nat = await addPerson(meta, 'Nat Nurse');
    pat = await addPerson(meta, 'Pat Patient');
    await meta.updateUser(pat.user.id, { profession: 'patient' });
    for (const [person, role] of [
      [nia, 'participant'],
      [dev, 'participant'],
      [nat, 'participant'],
      [pat, 'reviewer'],
    ] as const) {
      await addMember(meta, workspace.labId, person.user, role);
    }
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace.stop();
  });

  it('shows the ties made by editing together and by replies, new only when first made here', async () => {
    const { meta } = workspace.server;
    // Nia and Nat first worked together in another lab.
    const earlier = await addLab(meta, nia.user);
    await addMember(meta, earlier, nat.user, 'participant');
    await addItem(meta, earlier, 'earlier-item');
    await edit(nia, 'earlier-item');
    await edit(nat, 'earlier-item');

    const shared = await workspace.registerDoc('aim-item', 'open_for_comment');
    await edit(nia, shared);
    await edit(dev, shared);
    await edit(nat, shared);
    // Pat comments; Dev replies; the facilitator answers.
    const { comment } = await api<{ comment: { id: string } }>(
      pat,
      'POST',
      `/items/${shared}/comments`,
      {
        body: 'Night checks wake people up.',
      },
    );
    await api(dev, 'POST', `/items/${shared}/comments`, { body: 'Thank you', replyTo: comment.id });

    const { network } = await api<{ network: LabNetwork }>(
      nia,
      'GET',
      `/labs/${workspace.labId}/network`,
    );
    const pairs = network.edges.map((e) => [[e.a, e.b].sort().join('+'), e.isNew]);
    const pair = (x: TestPerson, y: TestPerson) => [x.user.id, y.user.id].sort().join('+');
    expect(pairs).toEqual(
      expect.arrayContaining([
        [pair(nia, nat), false],
        [pair(nia, dev), true],
        [pair(dev, nat), true],
        [pair(dev, pat), true],
      ]),
    );
    expect(network.newTies).toBe(3);
    // Five members (the owner too): three new ties, each counted for both people.
    expect(network.newPerMember).toBeCloseTo(6 / 5, 10);
    // Nia–Dev and Dev–Pat cross professions, Dev–Nat too: all three.
    expect(network.crossProfessionShare).toBe(1);

    // Pat asks to be left out of network pictures: gone from nodes, ties and counts.
    await meta.saveProfile({
      ...defaultProfile(pat.user.id, new Date().toISOString()),
      hideFromNetwork: true,
    });
    const again = (
      await api<{ network: LabNetwork }>(nia, 'GET', `/labs/${workspace.labId}/network`)
    ).network;
    expect(JSON.stringify(again)).not.toContain(pat.user.id);
    expect(again.newTies).toBe(2);
  });
});
