/**
 * Making Data Count's two summary icons on the measure page: the variation icon (what the latest
 * point shows) and the assurance icon (can the process be relied on to meet the target), drawn
 * from the shapes every export draws too (`shared/charts/mdc-icons.ts`). The drawing is
 * decorative (`aria-hidden`): the name written beside it carries the meaning.
 */

import {
  ICON_BOX,
  type IconShape,
  iconShapes,
  type MdcIcon,
} from '../../../shared/charts/mdc-icons';

function Shape({ shape }: { shape: IconShape }) {
  switch (shape.tag) {
    case 'circle':
      return (
        <circle
          cx={shape.cx}
          cy={shape.cy}
          r={shape.r}
          fill={shape.fill}
          stroke={shape.stroke}
          strokeWidth={shape.strokeWidth}
        />
      );
    case 'path':
      return (
        <path
          d={shape.d}
          fill="none"
          stroke={shape.stroke}
          strokeWidth={shape.strokeWidth}
          strokeDasharray={shape.dash ?? undefined}
        />
      );
    case 'text':
      return (
        <text
          x={shape.x}
          y={shape.y}
          textAnchor="middle"
          fontWeight={700}
          fontSize={shape.size}
          fill={shape.fill}
        >
          {shape.text}
        </text>
      );
    default: {
      const unreachable: never = shape;
      throw new Error(`unknown icon shape ${JSON.stringify(unreachable)}`);
    }
  }
}

export function MdcIconView({ icon }: { icon: MdcIcon }) {
  return (
    <div className="mdc-icon" data-testid={`${icon.kind}-icon`} data-icon={icon.kind}>
      <svg className="mdc-icon__image" viewBox={`0 0 ${ICON_BOX} ${ICON_BOX}`} aria-hidden="true">
        {iconShapes(icon).map((shape, i) => (
          // The shapes are a fixed drawing, never reordered: their place is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Shape key={i} shape={shape} />
        ))}
      </svg>
      <span className="mdc-icon__label">
        <span className="nhsuk-u-visually-hidden">
          {icon.kind === 'variation' ? 'Variation: ' : 'Assurance: '}
        </span>
        {icon.label}
      </span>
    </div>
  );
}
