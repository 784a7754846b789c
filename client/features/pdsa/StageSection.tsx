/**
 * The four PDSA stages as headed sections, and the in-page "Jump to" links that
 * reach them. The ids are fixed: a worksheet is the only one on its page.
 */
import type { ReactNode } from 'react';

export const STAGES = [
  { id: 'pdsa-plan', name: 'Plan' },
  { id: 'pdsa-do', name: 'Do' },
  { id: 'pdsa-study', name: 'Study' },
  { id: 'pdsa-act', name: 'Act' },
] as const;

export type StageName = (typeof STAGES)[number]['name'];

export function StageNav() {
  return (
    <nav className="pdsa-jump" aria-label="Worksheet stages">
      <p className="nhsuk-body">
        Jump to:{' '}
        {STAGES.map((stage, index) => (
          <span key={stage.id}>
            {index > 0 && (
              <span className="pdsa-jump__separator" aria-hidden="true">
                {' · '}
              </span>
            )}
            <a href={`#${stage.id}`}>{stage.name}</a>
          </span>
        ))}
      </p>
    </nav>
  );
}

export function StageSection(props: { name: StageName; lead: string; children: ReactNode }) {
  const stage = STAGES.find((s) => s.name === props.name) ?? STAGES[0];
  return (
    <section className="pdsa-stage" id={stage.id} aria-labelledby={`${stage.id}-heading`}>
      <h2 className="nhsuk-heading-m pdsa-stage__heading" id={`${stage.id}-heading`}>
        {stage.name}
      </h2>
      <p className="nhsuk-body-s pdsa-stage__lead">{props.lead}</p>
      {props.children}
    </section>
  );
}
