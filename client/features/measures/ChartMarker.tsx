/** A point's marker: its class's shape and colour, outlined dark so every shape stands out. */
import { CLASS_STYLES, MARKER_OUTLINE, type PointClass } from '../../../shared/charts/chart-labels';

export interface ChartMarkerProps {
  readonly cls: PointClass;
  readonly x: number;
  readonly y: number;
}

const f = (n: number) => Math.round(n * 10) / 10;

export function ChartMarker({ cls, x, y }: ChartMarkerProps) {
  const { colour, shape } = CLASS_STYLES[cls];
  const paint = { fill: colour, stroke: MARKER_OUTLINE, strokeWidth: 1 };
  switch (shape) {
    case 'circle':
      return <circle cx={f(x)} cy={f(y)} r={3.5} {...paint} />;
    case 'ring':
      return <circle cx={f(x)} cy={f(y)} r={4.5} {...paint} strokeWidth={1.5} />;
    case 'square':
      return <rect x={f(x - 5)} y={f(y - 5)} width={10} height={10} {...paint} />;
    case 'diamond':
      return (
        <polygon
          points={`${f(x)},${f(y - 7)} ${f(x + 7)},${f(y)} ${f(x)},${f(y + 7)} ${f(x - 7)},${f(y)}`}
          {...paint}
        />
      );
    case 'triangle':
      return (
        <polygon
          points={`${f(x)},${f(y - 7)} ${f(x + 7)},${f(y + 5)} ${f(x - 7)},${f(y + 5)}`}
          {...paint}
        />
      );
    default: {
      const unreachable: never = shape;
      throw new Error(`unknown marker ${String(unreachable)}`);
    }
  }
}
