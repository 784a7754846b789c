/**
 * `/labs/<labId>/network`: the connections made between the lab's members through the
 * workspace (editing the same item, replying to or answering each other's comments),
 * as a picture with a table, and the counts the programme judges itself by.
 */
import { Api } from '../../shared/api-routes';
import { PROFESSION_LABELS, PROFESSIONS } from '../../shared/roles';
import type { Lab } from '../../shared/schemas/api-responses';
import { NetworkPicture } from '../features/network/NetworkPicture';
import { DataTable } from '../lib/DataTable';
import { formatDate } from '../lib/dates';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { LabSubPage, may, useLab } from './lab-context';
import type { SignedIn } from './session';

const percent = (share: number | null) =>
  share === null ? 'not known' : `${Math.round(share * 100)}%`;

function Network({ session, lab }: { session: SignedIn; lab: Lab }) {
  const [loaded] = useApiData(`network:${lab.id}`, () =>
    session.api.call(Api.labs.network, { params: { labId: lab.id } }),
  );
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <LoadFailed error={loaded.error} />;
  const { network } = loaded.data;
  const names = new Map(network.members.map((m) => [m.userId, m.name]));
  const professionLabel = (value: string) =>
    PROFESSION_LABELS[PROFESSIONS.find((p) => p === value) ?? 'other'];
  return (
    <>
      <p className="nhsuk-body-l">
        People are connected from the first time they work together here: editing the same item, or
        replying to or answering each other’s comments.
      </p>
      <ul className="nhsuk-list" data-testid="network-counts">
        <li>New connections made in this lab: {network.newTies}</li>
        <li>New connections per member: {network.newPerMember.toFixed(1)}</li>
        <li>Between different professions: {percent(network.crossProfessionShare)}</li>
        <li>Between different regions: {percent(network.crossRegionShare)}</li>
      </ul>
      <div className="app-survey-result">
        <NetworkPicture network={network} />
        <DataTable
          caption="Connections between the lab’s members"
          testId="network-table"
          headings={['Between', 'Since', 'Made in this lab']}
          rows={network.edges.map((edge) => ({
            key: `${edge.a}-${edge.b}`,
            cells: [
              `${names.get(edge.a) ?? ''} and ${names.get(edge.b) ?? ''}`,
              formatDate(edge.firstAt.slice(0, 10)),
              edge.isNew ? 'Yes' : 'No, earlier',
            ],
          }))}
        />
      </div>
      <DataTable
        caption="Members in the picture"
        headings={['Member', 'Profession']}
        rows={network.members.map((member) => ({
          key: member.userId,
          cells: [member.name, professionLabel(member.profession)],
        }))}
      />
      <p className="nhsuk-body-s">
        Members who asked to be left out of network pictures are not shown or counted.
      </p>
    </>
  );
}

export function NetworkPage({ session, labId }: { session: SignedIn; labId: string }) {
  const [lab] = useLab(session.api, labId);
  usePageTitle(lab.status === 'ready' ? `Connections – ${lab.data.title}` : 'Connections');
  return (
    <LabSubPage lab={lab} heading="Connections made">
      {(current) =>
        may(session, current, 'members.read') ? (
          <Network session={session} lab={current} />
        ) : (
          <p>Only the lab’s members can see its connections.</p>
        )
      }
    </LabSubPage>
  );
}
