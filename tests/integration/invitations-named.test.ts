/**
 * Invitations with a person's name, an optional email address and a note: shown
 * in the pending list and on the invitation, emailed when email is set up (a real
 * local SMTP server), resent with a new link (the old one stops working), revoked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Invite } from '../../shared/schemas/api-responses';
import { apiWithToken } from '../helpers/browser-session';
import { mailSettings, startTestSmtp, type TestSmtp } from '../helpers/smtp';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let workspace: TestWorkspace;
let smtp: TestSmtp | null = null;

afterEach(async () => {
  await workspace.stop();
  await smtp?.stop();
  smtp = null;
});

const asOwner = (method: string, path: string, body?: unknown) =>
  apiWithToken(workspace.url, workspace.owner.token, method, `/api${path}`, body);

interface Created {
  invite: Invite;
  path: string;
  emailed: boolean;
}

describe('invitations with a name, email and note', () => {
  it('emails the invitation with the note, lists it by name, resends a new link and revokes it', async () => {
    smtp = await startTestSmtp();
    workspace = await startTestWorkspace({ config: { mail: mailSettings(smtp) } });
    const created = await asOwner('POST', `/labs/${workspace.labId}/invites`, {
      role: 'reviewer',
      name: 'Priya <Patel>',
      email: 'priya@example.org',
      note: 'We would value your view as a carer & patient.',
    });
    expect(created.status).toBe(201);
    const first = (await created.json()) as Created;
    expect(first.emailed).toBe(true);
    const email = await smtp.waitForEmail('priya@example.org');
    expect(email.subject).toBe(`You are invited to Lab ${workspace.labId}`);
    expect(email.text).toContain('Hello Priya <Patel>,');
    expect(email.text).toContain('We would value your view as a carer & patient.');
    expect(email.html).toContain('Priya &lt;Patel&gt;');
    expect(email.html).toContain('carer &amp; patient');
    expect(email.links).toEqual([`${workspace.url}${first.path}`]);

    const pending = (await (await asOwner('GET', `/labs/${workspace.labId}/invites`)).json()) as {
      invites: Invite[];
    };
    expect(pending.invites).toEqual([
      expect.objectContaining({
        name: 'Priya <Patel>',
        email: 'priya@example.org',
        note: 'We would value your view as a carer & patient.',
        sentAt: expect.any(String),
      }),
    ]);
    const token = first.path.replace('/invite/', '');
    const details = (await (await fetch(`${workspace.url}/api/invites/${token}`)).json()) as {
      note: string;
      name: string;
    };
    expect(details).toMatchObject({ note: 'We would value your view as a carer & patient.' });

    const resent = await asOwner(
      'POST',
      `/labs/${workspace.labId}/invites/${first.invite.id}/resend`,
    );
    const second = (await resent.json()) as Created;
    expect(second.emailed).toBe(true);
    expect(second.path).not.toBe(first.path);
    await smtp.waitForEmail(
      'priya@example.org',
      (m) => m.links[0] === `${workspace.url}${second.path}`,
    );
    expect(
      (await fetch(`${workspace.url}/api${first.path.replace('/invite/', '/invites/')}`)).status,
    ).toBe(404);
    expect(
      (await fetch(`${workspace.url}/api${second.path.replace('/invite/', '/invites/')}`)).status,
    ).toBe(200);

    await asOwner('DELETE', `/labs/${workspace.labId}/invites/${first.invite.id}`);
    const gone = await asOwner(
      'POST',
      `/labs/${workspace.labId}/invites/${first.invite.id}/resend`,
    );
    expect(gone.status).toBe(410);
    const types = workspace.server.meta.listAudit(workspace.labId, 100).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['invite.created', 'invite.resent', 'invite.revoked']),
    );
  });

  it('shows the link to copy when email is not set up, or no address was given', async () => {
    workspace = await startTestWorkspace();
    const created = await asOwner('POST', `/labs/${workspace.labId}/invites`, {
      role: 'participant',
      name: 'Sam Nurse',
      email: 'sam@example.org',
    });
    const body = (await created.json()) as Created;
    expect(body).toMatchObject({ emailed: false, invite: { name: 'Sam Nurse', sentAt: null } });
    expect(body.path).toMatch(/^\/invite\/il_inv_/);
    const bad = await asOwner('POST', `/labs/${workspace.labId}/invites`, {
      role: 'participant',
      email: 'not an address',
    });
    expect(bad.status).toBe(400);
  });
});
