/**
 * The chapters of a lab report, each with a checkbox, how many items it would hold, and buttons
 * to move it up or down: the order here is the order in the report. Keyboard operable (the
 * buttons keep focus on the moved chapter) and announced.
 */
import { useRef } from 'react';
import { REPORT_SECTION_LABELS, type ReportSection } from '../../../shared/report-sections';
import { type ChoiceCounts, moveSection, plural, type SectionChoice } from './export-choice';

interface Props {
  readonly id: string;
  readonly sections: readonly SectionChoice[];
  readonly counts: ChoiceCounts | null;
  readonly onChange: (sections: SectionChoice[], announcement?: string) => void;
}

function countText(section: ReportSection, counts: ChoiceCounts | null): string {
  if (!counts) return '';
  const n = counts.sections[section];
  if (section === 'summary') return ` (drawn from ${plural(n, 'item')})`;
  if (section === 'evaluation') return ` (${plural(n, 'answer')})`;
  return ` (${plural(n, 'item')})`;
}

export function ReportSections({ id, sections, counts, onChange }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const move = (section: ReportSection, by: -1 | 1, focusClass: string) => {
    const next = moveSection(sections, section, by);
    const place = next.findIndex((s) => s.id === section) + 1;
    onChange(next, `${REPORT_SECTION_LABELS[section]} moved to place ${place} of ${next.length}.`);
    // Keep focus on the moved chapter's button, in its new place.
    // (At the top or bottom that button is disabled: then its other one.)
    queueMicrotask(() => {
      const row = list.current?.querySelector(`[data-section="${section}"]`);
      const button =
        row?.querySelector<HTMLButtonElement>(`.${focusClass}:not(:disabled)`) ??
        row?.querySelector<HTMLButtonElement>('button:not(:disabled)');
      button?.focus();
    });
  };
  return (
    <fieldset className="nhsuk-fieldset nhsuk-form-group">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
        Chapters, in order
      </legend>
      <ol className="export-sections nhsuk-list" ref={list}>
        {sections.map((section, i) => {
          const label = REPORT_SECTION_LABELS[section.id];
          return (
            <li key={section.id} data-section={section.id} className="export-sections__item">
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                <div className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id={`${id}-section-${section.id}`}
                    type="checkbox"
                    checked={section.on}
                    onChange={() =>
                      onChange(sections.map((s) => (s.id === section.id ? { ...s, on: !s.on } : s)))
                    }
                  />
                  <label
                    className="nhsuk-label nhsuk-checkboxes__label"
                    htmlFor={`${id}-section-${section.id}`}
                  >
                    {label}
                    {countText(section.id, counts)}
                  </label>
                </div>
              </div>
              <span className="export-sections__moves">
                <button
                  type="button"
                  className="export-sections__up nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                  aria-label={`Move ${label} up`}
                  disabled={i === 0}
                  onClick={() => move(section.id, -1, 'export-sections__up')}
                >
                  Up
                </button>
                <button
                  type="button"
                  className="export-sections__down nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                  aria-label={`Move ${label} down`}
                  disabled={i === sections.length - 1}
                  onClick={() => move(section.id, 1, 'export-sections__down')}
                >
                  Down
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
