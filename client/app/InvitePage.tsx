/**
 * `/invite/<token>`: what the invitation offers, then either "Accept invitation"
 * (signed in) or a new account (not signed in). Both land in the lab.
 */

import { Api } from '../../shared/api-routes';
import type { Lab } from '../../shared/schemas/api-responses';
import { SignUpForm } from '../features/accounts/SignUpForm';
import { AcceptInvitation } from '../features/invitations/AcceptInvitation';
import { InvitationDetails } from '../features/invitations/InvitationDetails';
import { JoinWithOrganisation } from '../features/invitations/JoinWithOrganisation';
import { Link, navigate } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useSsoInfo } from '../lib/sso';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { paths } from './router';
import type { Session } from './session';

export function InvitePage({ session, token }: { session: Session; token: string }) {
  const { api, state } = session;
  const sso = useSsoInfo(api, 'anonymous');
  const [invitation] = useApiData(`invite:${token}`, () =>
    api.call(Api.invites.details, { params: { token } }),
  );
  usePageTitle(
    invitation.status === 'ready'
      ? `Join ${invitation.data.lab.title}`
      : invitation.status === 'error'
        ? 'Invitation link not valid'
        : 'Invitation',
  );
  if (invitation.status === 'loading') return <Loading />;
  if (invitation.status === 'error') return <LoadFailed error={invitation.error} />;
  const land = (lab: Lab | null) => navigate(lab ? paths.lab(lab.id) : paths.myLabs());
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <InvitationDetails invitation={invitation.data} />
        {state.status === 'signed-in' ? (
          <AcceptInvitation api={api} token={token} name={state.me.user.name} onAccepted={land} />
        ) : (
          <>
            <h2 className="nhsuk-heading-m">Create your account</h2>
            <p>
              <Link href={paths.signIn(paths.invite(token))}>I already have an account</Link>
            </p>
            <SignUpForm
              api={api}
              token={token}
              onSignedUp={(me, lab) => {
                // Both updates render together, so the lab page sees the new session.
                session.signedIn(me);
                land(lab);
              }}
            />
            {sso.status === 'ready' && sso.data.enabled && (
              <JoinWithOrganisation api={api} token={token} label={sso.data.label} />
            )}
          </>
        )}
      </div>
    </div>
  );
}
