/**
 * A driver diagram item: aim → primary drivers → secondary drivers → change
 * ideas, a graph whose links may be strong or weak and whose nodes may feed
 * several others. People who may edit get the interactive diagram; everyone
 * else a picture with a text outline. Either way the outline says it all in words.
 */
import './driver-diagram.css';
import { describeAim } from '../../../shared/documents/aim-sentence';
import { fieldsMap, list, readFields } from '../../../shared/documents/item-doc';
import type { ItemBodyProps } from '../../lib/item-fields/item-body-props';
import { useYChanges } from '../../lib/y-hooks';
import { DiagramEditor } from './DiagramEditor';
import { DiagramImage } from './DiagramImage';
import { DriverOutline } from './DriverOutline';
import { displayLabel, ideaTag, withLabAim } from './diagram-text';
import { readGraph } from './driver-graph';
import { layoutDiagram } from './layout';
import { type AimDoc, useAimDoc } from './use-aim-doc';
import { useIdeaItems } from './use-idea-items';

/**
 * The aim sentence the aim node shows: from the problem statement's document while
 * it is open here (each keystroke shows at once, whoever typed it), else from the
 * lab feed, which carries it a moment after each change.
 */
function useLabAimSentence(aimDoc: AimDoc, fromFeed: string | null): string | null {
  const opened = aimDoc.status === 'ready' ? aimDoc.doc : null;
  useYChanges(opened ? fieldsMap(opened) : null);
  return opened ? describeAim(readFields(opened, 'problem')).sentence : fromFeed;
}

export function DriverDiagram({ item, doc, provider, editable, api }: ItemBodyProps) {
  useYChanges(list(doc, 'nodes'));
  useYChanges(list(doc, 'edges'));
  const ideas = useIdeaItems(api, item.labId);
  const aimDoc = useAimDoc(editable && ideas.aim?.editable ? ideas.aim.problemId : null);
  const aim = useLabAimSentence(aimDoc, ideas.aim?.sentence ?? null);
  // Cheap for diagrams of the size people draw (tens of nodes): recomputed on every change.
  const graph = withLabAim(readGraph(doc), aim);
  const layout = layoutDiagram(
    graph.nodes.map((node) => ({
      ...node,
      label: displayLabel(node, ideas.titles),
      tag: ideaTag(node, ideas.facts),
    })),
    graph.edges,
  );
  if (editable) {
    return (
      <DiagramEditor
        doc={doc}
        graph={graph}
        layout={layout}
        ideas={ideas}
        awareness={provider.awareness}
        aimDoc={aimDoc}
      />
    );
  }
  return (
    <div className="driver-diagram">
      <DiagramImage
        graph={graph}
        layout={layout}
        ideas={ideas.titles}
        title={item.title || 'Driver diagram'}
      />
      <DriverOutline graph={graph} columns={layout.columns} ideas={ideas.titles} />
    </div>
  );
}
