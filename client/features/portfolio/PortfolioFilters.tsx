/**
 * The portfolio's filters: phase, topic and words in a lab's title or challenge. They
 * apply when the form is sent, so a screen reader hears one change, not one per key.
 */
import { type ReactNode, useState } from 'react';
import { PHASE_LABELS } from '../../../shared/labels';
import { LAB_PHASES } from '../../../shared/roles';
import type { PortfolioQuery } from '../../../shared/schemas/portfolio';
import { SelectField, TextField } from '../../lib/form-fields';

const ALL = 'all';

export function PortfolioFilters(props: {
  topics: readonly string[];
  onApply(query: PortfolioQuery): void;
  children?: ReactNode;
}) {
  const [phase, setPhase] = useState<string>(ALL);
  const [topic, setTopic] = useState<string>(ALL);
  const [words, setWords] = useState('');
  return (
    <search>
      <form
        className="portfolio-filters"
        aria-label="Filter the labs"
        onSubmit={(event) => {
          event.preventDefault();
          const chosenPhase = LAB_PHASES.find((each) => each === phase);
          props.onApply({
            ...(chosenPhase ? { phase: chosenPhase } : {}),
            ...(topic !== ALL ? { topic } : {}),
            ...(words.trim() ? { q: words.trim() } : {}),
          });
        }}
      >
        <SelectField
          id="portfolio-phase"
          label="Phase"
          value={phase}
          choices={[
            { value: ALL, label: 'All phases' },
            ...LAB_PHASES.map((each) => ({ value: each, label: PHASE_LABELS[each] })),
          ]}
          onChange={setPhase}
        />
        <SelectField
          id="portfolio-topic"
          label="Topic"
          value={topic}
          choices={[
            { value: ALL, label: 'All topics' },
            ...props.topics.map((each) => ({ value: each, label: each })),
          ]}
          onChange={setTopic}
        />
        <TextField
          id="portfolio-words"
          label="Words in the title or challenge"
          width={20}
          value={words}
          onChange={setWords}
        />
        <div className="nhsuk-form-group">
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Filter
          </button>
        </div>
      </form>
      {props.children}
    </search>
  );
}
