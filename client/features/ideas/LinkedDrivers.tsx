/**
 * "Linked drivers" of a change idea, read-only: the drivers that the lab's
 * driver diagrams link this idea to (with the link's strength and what each
 * driver feeds in turn), and any driver named in the idea's own `drivers`
 * list. Links are drawn on the driver diagram, not here.
 */
import type * as Y from 'yjs';
import { list, readRows, readTitle } from '../../../shared/documents/item-doc';
import { useLabItems } from '../../lib/lab-items';
import { useYChanges } from '../../lib/y-hooks';
import { useDocsChanges, useLabDocs } from './lab-docs';
import { type DriverLink, linkedDrivers } from './linked-drivers';

/** The lab's driver diagrams, opened: their nodes and links are not in the registry. */
function useDriverDiagrams(labId: string): ReadonlyMap<string, Y.Doc> {
  const items = useLabItems(labId);
  const ids =
    items.status === 'ready'
      ? items.data.filter((i) => i.kind === 'drivers' && !i.archived).map((i) => i.id)
      : [];
  return useLabDocs(ids);
}

function LinkText({ link }: { link: DriverLink }) {
  const how = link.strength === null ? 'named by this idea' : `${link.strength} link`;
  return (
    <>
      <strong>{link.label}</strong> ({how}, in “{link.diagram}”)
      {link.feeds.length > 0 && <>, which feeds: {link.feeds.join('; ')}</>}
    </>
  );
}

export function LinkedDrivers(props: { labId: string; ideaId: string; doc: Y.Doc }) {
  const { labId, ideaId, doc } = props;
  const diagrams = useDriverDiagrams(labId);
  useDocsChanges(diagrams);
  useYChanges(list(doc, 'drivers'));
  const own = readRows(doc, 'drivers')
    .map((row) => (typeof row.nodeId === 'string' ? row.nodeId.trim() : ''))
    .filter((id) => id !== '');
  const links = [...diagrams.values()].flatMap((diagram) =>
    linkedDrivers(
      {
        title: readTitle(diagram) || 'Driver diagram',
        nodes: readRows(diagram, 'nodes'),
        edges: readRows(diagram, 'edges'),
      },
      ideaId,
      own,
    ),
  );
  const found = new Set(links.map((link) => link.nodeId));
  const unknown = own.filter((id) => !found.has(id));
  return (
    <section aria-labelledby="linked-drivers-heading" data-testid="linked-drivers">
      <h2 className="nhsuk-heading-s" id="linked-drivers-heading">
        Linked drivers
      </h2>
      {links.length === 0 && unknown.length === 0 ? (
        <p className="nhsuk-body-s">No driver diagram links to this idea yet.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {links.map((link) => (
            <li key={`${link.diagram}:${link.nodeId}`}>
              <LinkText link={link} />
            </li>
          ))}
          {unknown.map((id) => (
            <li key={`own:${id}`}>Driver “{id}” (not found in a driver diagram)</li>
          ))}
        </ul>
      )}
    </section>
  );
}
