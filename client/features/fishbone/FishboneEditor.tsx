/**
 * Editing a fishbone by keyboard or mouse: the effect; the categories (start
 * from the NHS set or the six Ms, rename, add, remove); under each, its causes,
 * and under any cause its sub-causes, asked for with "Why?" as deep as the team
 * goes. Every label is a shared text field (two people typing merge, and each
 * sees where the other is). A new row takes the keyboard at once, and what each
 * button did is said in a live region.
 */
import { useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { fieldText } from '../../../shared/documents/item-doc';
import {
  type Fishbone,
  type FishboneCause,
  NHS_CATEGORIES,
  SIX_MS,
} from '../../../shared/diagrams/fishbone';
import { BoardOrigin } from '../../lib/BoardOrigin';
import { SelectField } from '../../lib/form-fields';
import { useLabItems } from '../../lib/lab-items';
import { sameControlIn, useKeepFocus } from '../../lib/use-keep-focus';
import { YTextField } from '../../lib/YTextField';
import { CauseMove, type CauseMoves, causeDropTarget } from './CauseMove';
import { addCategories, addCause, moveCause, removeBranch, rowText } from './fishbone-edits';
import { promoteToDriver } from './promote-cause';

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

interface EditorContext {
  readonly doc: Y.Doc;
  readonly awareness: Awareness | null;
  /** The driver diagram causes are promoted to; null when the lab has none. */
  readonly diagram: { readonly id: string; readonly title: string } | null;
  promote(cause: FishboneCause): void;
  add(parentId: string, parentLabel: string): void;
  remove(id: string, label: string, kind: 'cause' | 'category'): void;
  readonly moves: CauseMoves;
}

/** A cause's or category's control, found again when it is drawn under another category. */
const sameRow = sameControlIn('data-row');

const named = (label: string) => `“${label || '(no label yet)'}”`;

/** The cause with `id` anywhere in the tree. */
function findCause(fishbone: Fishbone, id: string): FishboneCause | undefined {
  const walk = (causes: readonly FishboneCause[]): FishboneCause | undefined => {
    for (const cause of causes) {
      const found = cause.id === id ? cause : walk(cause.causes);
      if (found) return found;
    }
    return undefined;
  };
  for (const category of fishbone.categories) {
    const found = walk(category.causes);
    if (found) return found;
  }
  return undefined;
}

function CauseRow({
  ctx,
  cause,
  depth,
  parentLabel,
  categoryId = null,
}: {
  ctx: EditorContext;
  cause: FishboneCause;
  depth: number;
  parentLabel: string;
  /** The category it is directly under (top-level causes only). */
  categoryId?: string | null;
}) {
  const text = rowText(ctx.doc, 'causes', cause.id, 'label');
  return (
    <li className="fishbone-editor__cause" data-row={cause.id}>
      {text && (
        <YTextField
          text={text}
          fieldKey={`list.causes.${cause.id}.label`}
          label={
            depth === 0
              ? `Cause under ${named(parentLabel)}`
              : `Why? Because of ${named(parentLabel)}…`
          }
          awareness={ctx.awareness}
          editable
        />
      )}
      <BoardOrigin doc={ctx.doc} listKey="causes" rowId={cause.id} />
      <CauseMove
        moves={ctx.moves}
        cause={cause}
        categoryId={categoryId}
        underCause={depth === 0 ? null : parentLabel}
      />
      <div className="fishbone-editor__actions">
        <button type="button" className={SMALL} onClick={() => ctx.add(cause.id, cause.label)}>
          Ask why
          <span className="nhsuk-u-visually-hidden">: add a sub-cause of {named(cause.label)}</span>
        </button>
        {ctx.diagram && (
          <button type="button" className={SMALL} onClick={() => ctx.promote(cause)}>
            Make a driver
            <span className="nhsuk-u-visually-hidden">
              : add {named(cause.label)} to {named(ctx.diagram.title)}
            </span>
          </button>
        )}
        <button
          type="button"
          className={SMALL}
          onClick={() => ctx.remove(cause.id, cause.label, 'cause')}
        >
          Remove<span className="nhsuk-u-visually-hidden"> cause {named(cause.label)}</span>
        </button>
      </div>
      {cause.causes.length > 0 && (
        <ul className="fishbone-editor__causes">
          {cause.causes.map((child) => (
            <CauseRow
              key={child.id}
              ctx={ctx}
              cause={child}
              depth={depth + 1}
              parentLabel={cause.label}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

function StartCategories({
  doc,
  onAdded,
}: {
  doc: Y.Doc;
  onAdded(ids: string[], what: string): void;
}) {
  return (
    <div className="fishbone-editor__start">
      <p className="nhsuk-body">
        Start with a set of categories; you can rename, add and remove them.
      </p>
      <button
        type="button"
        className={SMALL}
        onClick={() => onAdded(addCategories(doc, NHS_CATEGORIES), 'the NHS categories')}
      >
        Use the NHS categories ({NHS_CATEGORIES.join(', ').toLowerCase()})
      </button>{' '}
      <button
        type="button"
        className={SMALL}
        onClick={() => onAdded(addCategories(doc, SIX_MS), 'the six Ms')}
      >
        Use the six Ms ({SIX_MS.join(', ').toLowerCase()})
      </button>
    </div>
  );
}

/** The lab's driver diagrams, live from the lab feed, that causes can be promoted to. */
function useDriverDiagrams(labId: string) {
  const items = useLabItems(labId);
  return items.status === 'ready'
    ? items.data.filter((i) => i.kind === 'drivers' && !i.archived && i.rights === 'edit')
    : [];
}

export function FishboneEditor({
  doc,
  fishbone,
  awareness,
  labId,
}: {
  doc: Y.Doc;
  fishbone: Fishbone;
  awareness: Awareness | null;
  labId: string;
}) {
  const [message, setMessage] = useState('');
  const diagrams = useDriverDiagrams(labId);
  const [chosen, setChosen] = useState('');
  const target = diagrams.find((d) => d.id === chosen) ?? diagrams[0];
  const focusNext = useRef<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  useKeepFocus(rootRef, sameRow);
  useEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    const input = document.querySelector<HTMLInputElement>(`[data-row="${CSS.escape(id)}"] input`);
    if (input) {
      focusNext.current = null;
      input.focus();
    }
  });
  const ctx: EditorContext = {
    doc,
    awareness,
    diagram: target ? { id: target.id, title: target.title } : null,
    promote: (cause) => {
      if (!target) return;
      setMessage(`Adding ${named(cause.label)} to ${named(target.title)}…`);
      promoteToDriver(target.id, cause.label).then(
        () =>
          setMessage(
            `Added ${named(cause.label)} to ${named(target.title)} as a secondary driver: link it there.`,
          ),
        (failure: unknown) =>
          setMessage(
            `${named(cause.label)} was not added: ${failure instanceof Error ? failure.message : 'unknown error'}.`,
          ),
      );
    },
    add: (parentId, parentLabel) => {
      focusNext.current = addCause(doc, parentId);
      setMessage(`Cause added under ${named(parentLabel)}. Type it.`);
    },
    moves: {
      categories: fishbone.categories.flatMap((c) => (c.id ? [{ id: c.id, label: c.label }] : [])),
      move: (causeId, categoryId) => {
        const cause = findCause(fishbone, causeId);
        const category = fishbone.categories.find((c) => c.id === categoryId);
        if (!cause || !category || !moveCause(doc, causeId, categoryId)) return;
        setMessage(`Moved cause ${named(cause.label)} to ${named(category.label)}.`);
      },
    },
    remove: (id, label, kind) => {
      const under = removeBranch(doc, id);
      setMessage(
        `Removed ${kind} ${named(label)}${under > 0 ? ` and ${under} cause${under === 1 ? '' : 's'} under it` : ''}. Undo brings it back.`,
      );
    },
  };
  const effect = (() => {
    try {
      return fieldText(doc, 'effect');
    } catch {
      return null;
    }
  })();
  return (
    <div className="fishbone-editor" ref={rootRef}>
      <p className="driver-status" role="status" data-testid="fishbone-status">
        {message}
      </p>
      {effect && (
        <YTextField
          text={effect}
          fieldKey="fields.effect"
          label="Effect (the problem)"
          hint="What goes wrong, where and how often: the head of the fish."
          awareness={awareness}
          editable
        />
      )}
      <h2 className="nhsuk-heading-m">Categories and causes</h2>
      {diagrams.length > 1 && (
        <SelectField
          id="fishbone-promote-to"
          label="Driver diagram that “Make a driver” adds to"
          value={target?.id ?? ''}
          choices={diagrams.map((d) => ({ value: d.id, label: d.title || 'Untitled' }))}
          onChange={setChosen}
        />
      )}
      {fishbone.categories.length === 0 && (
        <StartCategories
          doc={doc}
          onAdded={(ids, what) => {
            focusNext.current = ids[0] ?? null;
            setMessage(`Added ${what}.`);
          }}
        />
      )}
      {fishbone.categories.map((category) => {
        const text = category.id ? rowText(doc, 'categories', category.id, 'label') : null;
        const id = category.id;
        return (
          <section
            key={id ?? 'other'}
            className="fishbone-editor__category"
            data-row={id ?? undefined}
            aria-label={`Category ${named(category.label)}`}
            {...(id ? causeDropTarget(ctx.moves, id) : {})}
          >
            {text ? (
              <YTextField
                text={text}
                fieldKey={`list.categories.${id}.label`}
                label="Category"
                awareness={awareness}
                editable
              />
            ) : (
              <h3 className="nhsuk-heading-s">{category.label}</h3>
            )}
            {category.causes.length > 0 && (
              <ul className="fishbone-editor__causes">
                {category.causes.map((cause) => (
                  <CauseRow
                    key={cause.id}
                    ctx={ctx}
                    cause={cause}
                    depth={0}
                    parentLabel={category.label}
                    categoryId={id}
                  />
                ))}
              </ul>
            )}
            {id && (
              <div className="fishbone-editor__actions">
                <button type="button" className={SMALL} onClick={() => ctx.add(id, category.label)}>
                  Add a cause
                  <span className="nhsuk-u-visually-hidden"> under {named(category.label)}</span>
                </button>
                <button
                  type="button"
                  className={SMALL}
                  onClick={() => ctx.remove(id, category.label, 'category')}
                >
                  Remove category
                  <span className="nhsuk-u-visually-hidden"> {named(category.label)}</span>
                </button>
              </div>
            )}
          </section>
        );
      })}
      {fishbone.categories.length > 0 && (
        <button
          type="button"
          className={SMALL}
          onClick={() => {
            const [id] = addCategories(doc, ['']);
            focusNext.current = id ?? null;
            setMessage('Category added. Type its name.');
          }}
        >
          Add a category
        </button>
      )}
    </div>
  );
}
