/**
 * "Start here": a short guide for whoever set this Improvement Lab up (and anyone
 * who may create labs), until they put it away. Remembered per person on this device.
 */
import { useState } from 'react';

const storageKey = (userId: string) => `improvement-lab:start-here-hidden:${userId}`;

function hiddenFor(userId: string): boolean {
  try {
    return window.localStorage.getItem(storageKey(userId)) === 'yes';
  } catch {
    return false;
  }
}

export function StartHere({ userId, demoLabHref }: { userId: string; demoLabHref: string | null }) {
  const [hidden, setHidden] = useState(() => hiddenFor(userId));
  if (hidden) return null;
  const hide = () => {
    try {
      window.localStorage.setItem(storageKey(userId), 'yes');
    } catch {
      // Private browsing may refuse storage; it is hidden for this visit anyway.
    }
    setHidden(true);
  };
  return (
    <section className="nhsuk-card nhsuk-card--feature" aria-labelledby="start-here-heading">
      <div className="nhsuk-card--feature__heading-container">
        <h2 className="nhsuk-card--feature__heading nhsuk-heading-m" id="start-here-heading">
          Start here
        </h2>
      </div>
      <div className="nhsuk-card__content nhsuk-card__content--feature">
        <ol className="nhsuk-list nhsuk-list--number">
          <li>
            {demoLabHref ? (
              <a href={demoLabHref}>Look around the demo lab</a>
            ) : (
              'Look around the demo lab'
            )}
            : a made-up challenge with a problem and aim, a driver diagram, change ideas, PDSA
            cycles and a measure with its run chart. Change anything; it is yours to practise on.
          </li>
          <li>
            Create a lab for your own challenge with the form below. You run it as its facilitator.
          </li>
          <li>
            Invite people from the lab’s <strong>Members</strong> page: give each a role
            (participants edit, reviewers such as patients comment, observers read). With email set
            up the invitation is emailed; otherwise copy the link and send it yourself.
          </li>
          <li>
            Manage accounts (reset a password, deactivate someone) from <strong>People</strong> at
            the top of the page.
          </li>
        </ol>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={hide}>
          Hide this guide
        </button>
      </div>
    </section>
  );
}
