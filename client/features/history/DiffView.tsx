/**
 * An item's content as the history API sends it (`shared/history/diff-model.ts`):
 * one version read-only, a comparison with insertions and deletions marked, or the
 * item coloured by who wrote each passage. Insertions and deletions are `<ins>` and
 * `<del>` with the person's name beside them (not colour alone), so a screen
 * reader hears them too.
 */
import type {
  BlockDiff,
  FieldDiff,
  ItemDiff,
  RowDiff,
  Segment,
  Value,
} from '../../../shared/history/diff-model';
import type { PeopleNames } from '../../../shared/schemas/history';
import { authorClass } from './author-colours';
import './history.css';

export type DiffMode = 'version' | 'compare' | 'authorship';

interface ViewProps {
  readonly diff: ItemDiff;
  readonly names: PeopleNames;
  readonly mode: DiffMode;
  /** People in the order of their colours (authorship view). */
  readonly authors?: readonly string[];
}

function nameOf(names: PeopleNames, id: string | null): string {
  return id ? (names[id] ?? 'Someone') : 'Someone';
}

function Segments({
  segments,
  names,
  mode,
  authors,
}: { segments: readonly Segment[] } & Omit<ViewProps, 'diff'>) {
  if (segments.length === 0) return <span className="app-history__empty">(empty)</span>;
  return (
    <>
      {segments.map((segment, i) => {
        const key = `${i}-${segment.change}`;
        if (segment.change === 'ins')
          return (
            <ins
              key={key}
              className="app-history__ins"
              title={`Added by ${nameOf(names, segment.by)}`}
            >
              {segment.text}
              <span className="app-history__by"> [{nameOf(names, segment.by)}]</span>
            </ins>
          );
        if (segment.change === 'del')
          return (
            <del
              key={key}
              className="app-history__del"
              title={`Deleted by ${nameOf(names, segment.by)}`}
            >
              {segment.text}
              <span className="app-history__by"> [deleted by {nameOf(names, segment.by)}]</span>
            </del>
          );
        if (mode === 'authorship' && authors)
          return (
            <span
              key={key}
              className={authorClass(authors, segment.by)}
              title={nameOf(names, segment.by)}
            >
              {segment.text}
            </span>
          );
        return <span key={key}>{segment.text}</span>;
      })}
    </>
  );
}

function showValue(value: Value): string {
  return value === null || value === '' ? '(none)' : String(value);
}

function Field({ field, ...rest }: { field: FieldDiff } & Omit<ViewProps, 'diff'>) {
  return (
    <div className={`app-history__field${field.changed ? ' app-history__field--changed' : ''}`}>
      <dt className="app-history__label">{field.label}</dt>
      <dd className="app-history__value">
        {field.type === 'text' ? (
          <Segments segments={field.segments} {...rest} />
        ) : field.changed && rest.mode === 'compare' ? (
          <>
            <del className="app-history__del">{showValue(field.before)}</del>{' '}
            <ins className="app-history__ins">
              {showValue(field.after)}
              <span className="app-history__by"> [{nameOf(rest.names, field.by)}]</span>
            </ins>
          </>
        ) : (
          showValue(field.after)
        )}
      </dd>
    </div>
  );
}

function Block({ block, ...rest }: { block: BlockDiff } & Omit<ViewProps, 'diff'>) {
  const className = `app-history__block app-history__block--${block.change}`;
  const content = <Segments segments={block.segments} {...rest} />;
  const marker = block.depth > 0 ? (block.detail === 'orderedList' ? '1. ' : '• ') : '';
  const style = { marginLeft: `${block.depth * 1.25}em` };
  if (block.type === 'heading')
    return (
      <p className={`${className} app-history__heading`} style={style}>
        {content}
      </p>
    );
  return (
    <p className={className} style={style}>
      {marker}
      {block.change === 'ins' && <span className="nhsuk-u-visually-hidden">Added paragraph: </span>}
      {block.change === 'del' && (
        <span className="nhsuk-u-visually-hidden">Removed paragraph: </span>
      )}
      {content}
    </p>
  );
}

const ROW_CHANGE = { same: 'Changed', ins: 'Added', del: 'Removed' } as const;

function Row({ row, ...rest }: { row: RowDiff } & Omit<ViewProps, 'diff'>) {
  const cells =
    rest.mode === 'compare' && row.change === 'same'
      ? row.cells.filter((c) => c.changed)
      : row.cells;
  return (
    <li className={`app-history__row app-history__row--${row.change}`}>
      {rest.mode === 'compare' && <strong>{ROW_CHANGE[row.change]} row</strong>}
      <dl className="app-history__fields">
        {cells.map((cell) => (
          <Field key={cell.key} field={cell} {...rest} />
        ))}
      </dl>
    </li>
  );
}

/** The whole item; in comparisons, only what changed. */
export function DiffView({ diff, ...rest }: ViewProps) {
  const compare = rest.mode === 'compare';
  const fields = compare ? diff.fields.filter((f) => f.changed) : diff.fields;
  const sections = compare ? diff.sections.filter((s) => s.changed) : diff.sections;
  const lists = compare ? diff.lists.filter((l) => l.changed) : diff.lists;
  const titleChanged = diff.title.before !== diff.title.after;
  const nothing = compare && !titleChanged && fields.length + sections.length + lists.length === 0;
  return (
    <div className="app-history__diff">
      {nothing && <p className="nhsuk-body">Nothing changed between these versions.</p>}
      {compare && titleChanged && (
        <p className="nhsuk-body">
          Title: <del className="app-history__del">{diff.title.before}</del>{' '}
          <ins className="app-history__ins">{diff.title.after}</ins>
        </p>
      )}
      {fields.length > 0 && (
        <dl className="app-history__fields">
          {fields.map((field) => (
            <Field key={field.key} field={field} {...rest} />
          ))}
        </dl>
      )}
      {sections.map((section) => (
        <section key={section.key} className="app-history__section">
          <h3 className="nhsuk-heading-s">{section.label}</h3>
          {section.blocks.length === 0 ? (
            <p className="app-history__empty">(empty)</p>
          ) : (
            section.blocks
              .filter(
                (block) =>
                  !compare ||
                  block.change !== 'same' ||
                  block.segments.some((s) => s.change !== 'same'),
              )
              .map((block, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no ids; the list is replaced whole.
                <Block key={`${section.key}-${i}`} block={block} {...rest} />
              ))
          )}
        </section>
      ))}
      {lists.map((list) => (
        <section key={list.key} className="app-history__section">
          <h3 className="nhsuk-heading-s">{list.label}</h3>
          <ul className="app-history__rows">
            {list.rows
              .filter((row) => !compare || row.changed)
              .map((row) => (
                <Row key={`${row.id}-${row.change}`} row={row} {...rest} />
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
