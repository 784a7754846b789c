/**
 * The email that carries an invitation: who invited whom to which lab, as what,
 * the facilitator's note, and the link. Everything a person typed is escaped by
 * `composeEmail`.
 */
import { ROLE_LABELS } from '../../shared/roles';
import type { InviteRecord, LabRecord } from '../../shared/schemas/records';
import { composeEmail } from '../email/compose-email';
import type { ApiDeps } from './context';

export async function emailInvitation(
  deps: ApiDeps,
  invite: InviteRecord,
  lab: LabRecord,
  inviterName: string,
  token: string,
): Promise<void> {
  if (!deps.mailer || !invite.email) throw new Error('nowhere to email this invitation');
  const role = ROLE_LABELS[invite.role].toLowerCase();
  const note = invite.note ? [`${inviterName} wrote: “${invite.note}”`] : [];
  await deps.mailer.send({
    to: invite.email,
    ...composeEmail({
      subject: `You are invited to ${lab.title}`,
      paragraphs: [
        invite.name ? `Hello ${invite.name},` : 'Hello,',
        `${inviterName} has invited you to join “${lab.title}” on Improvement Lab as a ${role}.`,
        ...note,
      ],
      action: { label: 'Accept the invitation', url: `${deps.publicUrl()}/invite/${token}` },
      after: [
        `The link works until ${new Date(invite.expiresAt).toUTCString()}. If you were not expecting it, you can ignore this email.`,
      ],
    }),
  });
}
