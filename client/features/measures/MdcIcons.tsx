/**
 * Making Data Count's two summary icons, drawn simply: the variation icon (what the latest
 * point shows) and the assurance icon (can the process be relied on to meet the target). Each
 * is a ring in the class's colour around a letter, with its name written beside it; the
 * drawing is decorative (`aria-hidden`), the words carry the meaning.
 */

import { CLASS_STYLES, MARKER_OUTLINE } from '../../../shared/charts/chart-labels';
import type { Assurance, PointType, Side } from '../../../shared/charts/index';

const ASSURANCE_STYLE: Readonly<Record<Assurance, { colour: string; letter: string }>> = {
  consistent_pass: { colour: CLASS_STYLES.special_cause_improvement.colour, letter: 'P' },
  consistent_fail: { colour: CLASS_STYLES.special_cause_concern.colour, letter: 'F' },
  hit_and_miss: { colour: CLASS_STYLES.common_cause.colour, letter: '?' },
};

function Ring({ colour, letter, trail }: { colour: string; letter: string; trail: string }) {
  return (
    <svg className="mdc-icon__image" viewBox="0 0 44 44" aria-hidden="true">
      <circle cx={22} cy={22} r={19} fill="#ffffff" stroke={colour} strokeWidth={4} />
      <path d={trail} fill="none" stroke={colour} strokeWidth={2} />
      <text x={22} y={21} textAnchor="middle" fontSize={14} fontWeight={700} fill={MARKER_OUTLINE}>
        {letter}
      </text>
    </svg>
  );
}

/** A little trail of points: rising for a high special cause, falling for low, flat otherwise. */
function trailFor(side: Side | null): string {
  if (side === 'high') return 'M10,33 L16,31 L22,30 L28,27 L34,24';
  if (side === 'low') return 'M10,24 L16,27 L22,28 L28,31 L34,33';
  return 'M10,29 L16,31 L22,28 L28,31 L34,29';
}

export function VariationIcon({
  type,
  side,
  label,
}: {
  type: PointType;
  side: Side | null;
  label: string;
}) {
  const letter = type === 'common_cause' ? '' : side === 'low' ? 'L' : 'H';
  return (
    <div className="mdc-icon" data-testid="variation-icon">
      <Ring
        colour={CLASS_STYLES[type].colour}
        letter={letter}
        trail={trailFor(type === 'common_cause' ? null : side)}
      />
      <span className="mdc-icon__label">
        <span className="nhsuk-u-visually-hidden">Variation: </span>
        {label}
      </span>
    </div>
  );
}

export function AssuranceIcon({ assurance, label }: { assurance: Assurance; label: string }) {
  const style = ASSURANCE_STYLE[assurance];
  const trail = assurance === 'hit_and_miss' ? 'M9,30 Q15,24 22,30 T35,30' : 'M10,31 L34,31';
  return (
    <div className="mdc-icon" data-testid="assurance-icon">
      <Ring colour={style.colour} letter={style.letter} trail={trail} />
      <span className="mdc-icon__label">
        <span className="nhsuk-u-visually-hidden">Assurance: </span>
        {label}
      </span>
    </div>
  );
}
