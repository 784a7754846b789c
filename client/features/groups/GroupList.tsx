/** The special interest groups, each with its topic, size and the viewer's place in it. */
import type { GroupSummary } from '../../../shared/schemas/group';
import { Link } from '../../lib/navigation';

function place(group: GroupSummary): string | null {
  if (group.myRole === 'organiser') return 'You organise this group';
  if (group.myRole === 'member') return 'You are a member';
  if (group.myState === 'requested') return 'You asked to join';
  return null;
}

export function GroupList(props: {
  groups: readonly GroupSummary[];
  href(groupId: string): string;
}) {
  if (props.groups.length === 0) {
    return <p className="nhsuk-body">No groups yet.</p>;
  }
  return (
    <ul className="nhsuk-list" data-testid="group-list">
      {props.groups.map((group) => (
        <li key={group.id} className="nhsuk-card nhsuk-u-margin-bottom-3">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading nhsuk-heading-s">
              <Link href={props.href(group.id)}>{group.name}</Link>
            </h3>
            <p className="nhsuk-body-s">
              Topic: {group.topic} ·{' '}
              {group.memberCount === 1 ? '1 member' : `${group.memberCount} members`} ·{' '}
              {group.joinPolicy === 'open' ? 'open to all' : 'ask to join'}
            </p>
            {group.description && <p className="nhsuk-body-s">{group.description}</p>}
            {place(group) && (
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                <strong>{place(group)}</strong>
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
