/**
 * The PICK chart: a 2×2 grid of impact (high on top) by effort (easy on the
 * left). It is built from HTML, not drawn: each box is a headed list of links,
 * so read in order it is the list alternative, and each box's heading names its
 * impact and effort in words (the colours only repeat what the words say).
 * Ideas without both an impact and an effort are listed under the chart.
 */
import { Link } from '../../lib/navigation';
import type { IdeaSummary } from './idea-model';
import {
  PICK_DESCRIPTIONS,
  PICK_LABELS,
  PICK_QUADRANTS,
  type PickQuadrant,
} from '../../../shared/documents/pick-quadrant';
import { HeadingWithTip } from '../../lib/GlossaryTip';

function IdeaLinks(props: { ideas: readonly IdeaSummary[]; itemHref: (id: string) => string }) {
  if (props.ideas.length === 0) return <p className="nhsuk-body-s app-pick__empty">None</p>;
  return (
    <ul className="nhsuk-list app-pick__ideas">
      {props.ideas.map((idea) => (
        <li key={idea.id}>
          <Link href={props.itemHref(idea.id)}>{idea.title}</Link>
        </li>
      ))}
    </ul>
  );
}

function Box(props: {
  quadrant: PickQuadrant;
  ideas: readonly IdeaSummary[];
  itemHref: (id: string) => string;
}) {
  const { quadrant, ideas } = props;
  const heading = `pick-${quadrant}`;
  return (
    <section
      className={`app-pick__box app-pick__box--${quadrant}`}
      aria-labelledby={heading}
      data-testid={`pick-${quadrant}`}
    >
      <h3 className="nhsuk-heading-xs app-pick__label" id={heading}>
        {PICK_LABELS[quadrant]} ({ideas.length})
        <span className="app-pick__description">
          <span className="nhsuk-u-visually-hidden">: </span>
          {PICK_DESCRIPTIONS[quadrant]}
        </span>
      </h3>
      <IdeaLinks ideas={ideas} itemHref={props.itemHref} />
    </section>
  );
}

export function PickChart(props: {
  ideas: readonly IdeaSummary[];
  itemHref: (id: string) => string;
}) {
  const unscored = props.ideas.filter((idea) => idea.quadrant === null);
  return (
    <section aria-labelledby="pick-heading" data-testid="pick-chart">
      <HeadingWithTip level={2} className="nhsuk-heading-m" textId="pick-heading" term="pick-chart">
        PICK chart
      </HeadingWithTip>
      <p className="nhsuk-body">
        Each idea by its likely impact and how easy it is to do: implement the easy, high-impact
        ones; take on the hard, high-impact ones as challenges.
      </p>
      <div className="app-pick">
        {/* The axes repeat what each box's heading says, for sighted readers. */}
        <span className="app-pick__axis app-pick__axis--high" aria-hidden="true">
          High impact
        </span>
        <span className="app-pick__axis app-pick__axis--low" aria-hidden="true">
          Low impact
        </span>
        <span className="app-pick__axis app-pick__axis--easy" aria-hidden="true">
          Easy to do
        </span>
        <span className="app-pick__axis app-pick__axis--hard" aria-hidden="true">
          Hard to do
        </span>
        {PICK_QUADRANTS.map((quadrant) => (
          <Box
            key={quadrant}
            quadrant={quadrant}
            ideas={props.ideas.filter((idea) => idea.quadrant === quadrant)}
            itemHref={props.itemHref}
          />
        ))}
      </div>
      <h3 className="nhsuk-heading-xs">Not on the chart yet ({unscored.length})</h3>
      <p className="nhsuk-body-s">Ideas whose impact or effort has not been set.</p>
      <IdeaLinks ideas={unscored} itemHref={props.itemHref} />
    </section>
  );
}
