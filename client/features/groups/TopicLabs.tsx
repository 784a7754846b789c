/** The labs working on the group's topic: linked when the viewer is in them. */
import type { TopicLab } from '../../../shared/schemas/group';
import { PHASE_LABELS } from '../../lib/labels';
import { Link } from '../../lib/navigation';

export function TopicLabs(props: {
  topic: string;
  labs: readonly TopicLab[];
  href(labId: string): string;
}) {
  return (
    <section aria-labelledby="topic-labs-heading">
      <h2 className="nhsuk-heading-m" id="topic-labs-heading">
        Labs on {props.topic}
      </h2>
      {props.labs.length === 0 ? (
        <p className="nhsuk-body">No lab works on this topic yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet" data-testid="topic-labs">
          {props.labs.map((lab) => (
            <li key={lab.id}>
              {lab.mine ? <Link href={props.href(lab.id)}>{lab.title}</Link> : lab.title}
              {' · '}
              {PHASE_LABELS[lab.phase]}
              {lab.fromGroup && ' · started from this group'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
