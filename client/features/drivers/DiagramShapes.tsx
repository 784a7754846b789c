/**
 * The drawing of a driver diagram, shared by the editable diagram and the
 * read-only picture: arrowheads, links and node boxes. A weak link is dashed,
 * ends in an open arrowhead and carries the word "weak"; a strong link is solid
 * with a filled arrowhead, so strength never rests on line style or colour alone.
 */
import type { NodeType, Strength } from './driver-graph';
import { type Box, Geometry } from './layout';

export const COLUMN_TITLES = ['Aim', 'Primary drivers', 'Secondary drivers', 'Change ideas'];

export function columnX(column: number): number {
  return Geometry.margin + column * (Geometry.nodeWidth + Geometry.columnGap);
}

/** SVG ids must be plain: React's `useId` may contain characters `url(#…)` cannot hold. */
export function svgIdPrefix(reactId: string): string {
  return `dd${reactId.replace(/[^A-Za-z0-9]/g, '')}`;
}

export function ArrowMarkers({ prefix }: { prefix: string }) {
  return (
    <defs>
      <marker
        id={`${prefix}-strong`}
        viewBox="0 0 10 10"
        refX="10"
        refY="5"
        markerWidth="12"
        markerHeight="12"
        markerUnits="userSpaceOnUse"
        orient="auto"
      >
        <path d="M0,0 L10,5 L0,10 z" className="driver-arrow driver-arrow--strong" />
      </marker>
      <marker
        id={`${prefix}-weak`}
        viewBox="0 0 12 12"
        refX="11"
        refY="6"
        markerWidth="14"
        markerHeight="14"
        markerUnits="userSpaceOnUse"
        orient="auto"
      >
        <path d="M1,1 L11,6 L1,11 z" className="driver-arrow driver-arrow--weak" />
      </marker>
    </defs>
  );
}

/** From the left side of the driving node to the right side of the one it drives. */
export function edgeGeometry(from: Box, to: Box): { d: string; midX: number; midY: number } {
  const [sx, sy] = [from.x, from.y + from.height / 2];
  const [ex, ey] = [to.x + to.width, to.y + to.height / 2];
  const bend = (sx - ex) / 2;
  return {
    d: `M${sx},${sy} C${sx - bend},${sy} ${ex + bend},${ey} ${ex},${ey}`,
    midX: (sx + ex) / 2,
    midY: (sy + ey) / 2,
  };
}

export function EdgeLines(props: {
  from: Box;
  to: Box;
  strength: Strength;
  markers: string;
  /** Focused or selected: drawn thicker, with its strength spelled out. */
  highlighted?: boolean;
}) {
  const { from, to, strength, markers, highlighted = false } = props;
  const { d, midX, midY } = edgeGeometry(from, to);
  const showWord = strength === 'weak' || highlighted;
  const width = strength === 'weak' ? 40 : 52;
  return (
    <>
      {highlighted && <path d={d} className="driver-edge__highlight" />}
      <path d={d} className="driver-edge__hit" />
      <path
        d={d}
        className={`driver-edge__line driver-edge__line--${strength}`}
        markerEnd={`url(#${markers}-${strength})`}
      />
      {showWord && (
        <g className={`driver-edge__chip${highlighted ? ' driver-edge__chip--highlighted' : ''}`}>
          <rect x={midX - width / 2} y={midY - 10} width={width} height={20} rx={10} />
          <text x={midX} y={midY + 4} textAnchor="middle">
            {strength}
          </text>
        </g>
      )}
    </>
  );
}

/** The "Linking from" tag above the node link mode starts from (its name says so already). */
export function LinkingTag({ box }: { box: Box }) {
  const { x, y, width } = box;
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a plain SVG group is not focusable.
    <g className="driver-node__tag" aria-hidden="true">
      <rect x={x + width - 96} y={y - 10} width={92} height={18} rx={3} />
      <text x={x + width - 50} y={y + 3} textAnchor="middle">
        Linking from
      </text>
    </g>
  );
}

/** A change idea's status and PICK box, under its label. */
export function NodeTag({ box }: { box: Box }) {
  if (!box.tag) return null;
  return (
    <text
      className="driver-node__tag-text"
      x={box.x + Geometry.padding}
      y={box.y + Geometry.padding + 13 + box.lines.length * Geometry.lineHeight}
    >
      {` ${box.tag}`}
    </text>
  );
}

export function NodeBox(props: {
  box: Box;
  type: NodeType;
  empty: boolean;
  selected?: boolean;
  linking?: boolean;
  /** False where the status line is drawn in a layer of its own (the editable grid). */
  withTag?: boolean;
}) {
  const { box, type, empty, selected = false, linking = false, withTag = true } = props;
  const { x, y, width, height } = box;
  return (
    <>
      <rect
        className="driver-node__focus"
        x={x - 7}
        y={y - 7}
        width={width + 14}
        height={height + 14}
        rx={9}
      />
      {selected && (
        <rect
          className="driver-node__selected"
          x={x - 4}
          y={y - 4}
          width={width + 8}
          height={height + 8}
          rx={7}
        />
      )}
      <rect
        className={`driver-node__box driver-node__box--${type}`}
        x={x}
        y={y}
        width={width}
        height={height}
        rx={4}
      />
      <text className={`driver-node__label${empty ? ' driver-node__label--empty' : ''}`}>
        {box.lines.map((line, index) => (
          <tspan
            // Lines have no identity beyond their place in the label.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            key={index}
            x={x + Geometry.padding}
            y={y + Geometry.padding + 13 + index * Geometry.lineHeight}
          >
            {/* A space between lines keeps the words apart in the text people and tools read. */}
            {index < box.lines.length - 1 ? `${line} ` : line}
          </tspan>
        ))}
      </text>
      {withTag && <NodeTag box={box} />}
      {linking && (
        <rect className="driver-node__linking" x={x} y={y} width={width} height={height} rx={4} />
      )}
    </>
  );
}
