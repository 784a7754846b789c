/**
 * The driver diagram as a picture, for people who may only read it: one image
 * (`role="img"`) named by its title and described in a sentence, in the canvas
 * frame (pan, zoom, present); the outline beside it carries every node and link in text.
 */
import { useId } from 'react';
import { CanvasFrame } from '../../lib/canvas/CanvasFrame';
import {
  ArrowMarkers,
  COLUMN_TITLES,
  columnX,
  EdgeLines,
  NodeBox,
  svgIdPrefix,
} from './DiagramShapes';
import { displayLabel, type IdeaTitles, NO_LABEL, summary } from './diagram-text';
import type { DriverGraph } from './driver-graph';
import type { Layout } from './layout';

export function DiagramImage(props: {
  graph: DriverGraph;
  layout: Layout;
  ideas: IdeaTitles;
  title: string;
}) {
  const { graph, layout, ideas, title } = props;
  const prefix = svgIdPrefix(useId());
  return (
    <CanvasFrame label="Driver diagram" content={layout} drawingId={`${prefix}-drawing`} focusable>
      <svg
        id={`${prefix}-drawing`}
        className="driver-svg"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={`${prefix}-title ${prefix}-desc`}
      >
        <title id={`${prefix}-title`}>{title}</title>
        <desc id={`${prefix}-desc`}>{summary(graph)}. The outline lists every node and link.</desc>
        <ArrowMarkers prefix={prefix} />
        {COLUMN_TITLES.map((heading, column) => (
          <text key={heading} className="driver-svg__heading" x={columnX(column)} y={26}>
            {heading}
          </text>
        ))}
        {graph.edges.map((edge) => {
          const from = layout.boxes.get(edge.from);
          const to = layout.boxes.get(edge.to);
          if (!from || !to) return null;
          return (
            <g key={edge.id}>
              <EdgeLines from={from} to={to} strength={edge.strength} markers={prefix} />
            </g>
          );
        })}
        {graph.nodes.map((node) => {
          const box = layout.boxes.get(node.id);
          if (!box) return null;
          return (
            <g key={node.id}>
              <NodeBox box={box} type={node.type} empty={displayLabel(node, ideas) === NO_LABEL} />
            </g>
          );
        })}
      </svg>
    </CanvasFrame>
  );
}
