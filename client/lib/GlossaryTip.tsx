/**
 * A term of quality improvement explained where it appears: a small button next
 * to the term ("What does PDSA cycle mean?" to a screen reader) that shows or
 * hides the plain-words definition from `shared/glossary.ts`. A toggletip: the
 * button says whether it is open (`aria-expanded`, `aria-controls`), and the
 * definition is written into a live region as it opens, so a screen reader
 * reads it out without the person moving. Escape closes it again.
 */
import { type ReactNode, useId, useState } from 'react';
import { type GlossaryId, glossaryEntry } from '../../shared/glossary';
import { GLOSSARY_PATH, Link } from './navigation';

/** The glossary page's address, with `id` to go straight to one term. */
export function glossaryHref(id?: GlossaryId): string {
  return id ? `${GLOSSARY_PATH}#${id}` : GLOSSARY_PATH;
}

export function GlossaryTip({ id }: { id: GlossaryId }) {
  const entry = glossaryEntry(id);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <span className="app-glossary" data-testid={`glossary-tip-${id}`}>
      <button
        type="button"
        className="app-glossary__button"
        aria-expanded={open}
        aria-controls={panelId}
        // A label rather than hidden text: hidden text next to the page's edge made it scroll sideways.
        aria-label={`What does “${entry.term}” mean?`}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.preventDefault();
            setOpen(false);
          }
        }}
      >
        <span aria-hidden="true">?</span>
      </button>
      <span id={panelId} className="app-glossary__panel" role="status">
        {open && (
          <span className="app-glossary__definition">
            <strong>{entry.term}:</strong> {entry.definition}{' '}
            <Link href={glossaryHref(id)}>
              All words explained
              <span className="nhsuk-u-visually-hidden"> (the glossary)</span>
            </Link>
          </span>
        )}
      </span>
    </span>
  );
}

/** A term followed by its toggletip, for running text and labels. */
export function Term({ id, children }: { id: GlossaryId; children?: string }) {
  return (
    <>
      {children ?? glossaryEntry(id).term}
      <GlossaryTip id={id} />
    </>
  );
}

/**
 * A heading with a term's toggletip inside it. The heading is named by its own
 * words only (`aria-labelledby` their span), so that people moving by headings
 * hear "PICK chart", not the button's question as well; point a section's
 * `aria-labelledby` at `textId` for the same reason.
 */
export function HeadingWithTip(props: {
  level: 2 | 3;
  className: string;
  term: GlossaryId;
  /** The id of the words, for sections named by them. */
  textId: string;
  children: ReactNode;
}) {
  const Heading = props.level === 2 ? 'h2' : 'h3';
  return (
    <Heading className={props.className} aria-labelledby={props.textId}>
      <span id={props.textId}>{props.children}</span>
      <GlossaryTip id={props.term} />
    </Heading>
  );
}

/**
 * The words of the trade a page uses, each with its toggletip, under "Words used
 * here": for people reading a page they cannot change (reviewers, observers).
 */
export function TermsKey({
  ids,
  heading = 'Words used here',
}: {
  ids: readonly GlossaryId[];
  heading?: string;
}) {
  const headingId = useId();
  if (ids.length === 0) return null;
  return (
    <section className="app-terms-key" aria-labelledby={headingId} data-testid="terms-key">
      <h2 className="nhsuk-heading-s" id={headingId}>
        {heading}
      </h2>
      <ul className="nhsuk-list app-terms-key__list">
        {ids.map((id) => (
          <li key={id}>
            <Term id={id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
