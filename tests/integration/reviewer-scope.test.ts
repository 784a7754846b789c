/**
 * A reviewer invited to particular items sees those items once they are open for
 * comment, and nothing else of the lab, on the API and on the sync socket alike.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/close-codes';
import { connectRawClient } from '../helpers/raw-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('reviewers invited to particular items', () => {
  let workspace: TestWorkspace;
  const api = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${workspace.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const owner = () => workspace.owner.token;

  beforeEach(async () => {
    workspace = await startTestWorkspace();
  });
  afterEach(async () => {
    await workspace.stop();
  });

  async function openItem(title: string): Promise<string> {
    const created = await api(owner(), 'POST', `/labs/${workspace.labId}/items`, {
      kind: 'note',
      title,
    });
    const id = (created.body.item as { id: string }).id;
    await api(owner(), 'PATCH', `/items/${id}`, { sharing: 'open_for_comment' });
    return id;
  }

  it('sees only the items of the invitation, on the API and on sync', async () => {
    const invited = await openItem('Patient leaflet draft');
    const other = await openItem('Staff rota analysis');
    const invite = await api(owner(), 'POST', `/labs/${workspace.labId}/invites`, {
      role: 'reviewer',
      itemIds: [invited],
    });
    expect(invite.status).toBe(201);
    const token = String(invite.body.path).split('/').pop() ?? '';
    const offer = (await (await fetch(`${workspace.url}/api/invites/${token}`)).json()) as {
      items: string[];
    };
    expect(offer.items).toEqual(['Patient leaflet draft']);

    const signUp = await fetch(`${workspace.url}/api/invites/${token}/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'pat@example.org',
        name: 'Pat Patient',
        profession: 'patient',
        password: 'a long enough password',
      }),
    });
    expect(signUp.status).toBe(201);
    const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const asPatient = (path: string) =>
      fetch(`${workspace.url}/api${path}`, { headers: { cookie } });

    const list = (await (await asPatient(`/labs/${workspace.labId}/items`)).json()) as {
      items: Array<{ id: string }>;
    };
    expect(list.items.map((item) => item.id)).toEqual([invited]);
    expect((await asPatient(`/items/${invited}`)).status).toBe(200);
    expect((await asPatient(`/items/${other}`)).status).toBe(404);

    const wsOptions = { headers: { cookie } };
    const allowed = connectRawClient(workspace.url, invited, '', wsOptions);
    // Waiting starts before the socket opens: the greeting can arrive with the handshake.
    const greeted = allowed.nextFrame(0);
    await allowed.opened();
    await greeted;
    allowed.close();
    const refused = connectRawClient(workspace.url, other, '', wsOptions);
    expect((await refused.closed()).code).toBe(CloseCode.Forbidden);
  });

  it('refuses item-limited invitations for other roles or for items of another lab', async () => {
    const item = await openItem('Leaflet');
    const notReviewer = await api(owner(), 'POST', `/labs/${workspace.labId}/invites`, {
      role: 'participant',
      itemIds: [item],
    });
    expect(notReviewer.status).toBe(400);
    const elsewhere = await api(owner(), 'POST', `/labs/${workspace.labId}/invites`, {
      role: 'reviewer',
      itemIds: ['not-an-item'],
    });
    expect(elsewhere.status).toBe(400);
    expect(workspace.server.meta.listPendingInvites(workspace.labId, new Date())).toHaveLength(0);
  });
});
