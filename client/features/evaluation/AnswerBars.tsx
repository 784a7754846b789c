/**
 * How many people chose each point of a scale question, before and after the lab, as
 * paired bars. Before is outlined and after is solid, so the two differ without
 * colour; the table beside it gives the same counts to screen readers and printouts.
 */
import { SCALE_POINTS } from '../../../shared/schemas/survey';
import type { ScaleSummary } from '../../../shared/evaluation/survey-results';

const WIDTH = 320;
const HEIGHT = 140;
const BOTTOM = 24;
const TOP = 12;

export function AnswerBars(props: {
  before: ScaleSummary | null;
  after: ScaleSummary | null;
  label: string;
}) {
  const { before, after, label } = props;
  const counts = [...(before?.counts ?? []), ...(after?.counts ?? [])];
  const most = Math.max(1, ...counts);
  const slot = WIDTH / SCALE_POINTS;
  const bar = slot * 0.32;
  const height = (count: number) => ((HEIGHT - BOTTOM - TOP) * count) / most;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="app-answer-bars"
      role="img"
      aria-label={label}
      focusable="false"
    >
      {Array.from({ length: SCALE_POINTS }, (_, index) => {
        const x = index * slot + slot / 2;
        const b = before?.counts[index] ?? 0;
        const a = after?.counts[index] ?? 0;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the scale's points never move.
          <g key={index}>
            {before && (
              <rect
                x={x - bar - 1}
                y={HEIGHT - BOTTOM - height(b)}
                width={bar}
                height={height(b)}
                className="app-answer-bars__before"
              />
            )}
            {after && (
              <rect
                x={x + 1}
                y={HEIGHT - BOTTOM - height(a)}
                width={bar}
                height={height(a)}
                className="app-answer-bars__after"
              />
            )}
            <text x={x} y={HEIGHT - 6} textAnchor="middle" className="app-answer-bars__axis">
              {index + 1}
            </text>
          </g>
        );
      })}
      <line
        x1={0}
        x2={WIDTH}
        y1={HEIGHT - BOTTOM}
        y2={HEIGHT - BOTTOM}
        className="app-answer-bars__base"
      />
    </svg>
  );
}
