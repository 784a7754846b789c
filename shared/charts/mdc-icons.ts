/**
 * NHS England Making Data Count's two summary icons, drawn once for the measure page and every
 * export. The variation icon says what the latest point shows: grey for common cause, blue for
 * special cause improvement, orange for concern (purple where neither applies), its little run of
 * dots flat or moving high or low, with an H or L for the side. The assurance icon says whether
 * the process can be relied on to meet its target: blue P (consistently passing), orange F
 * (consistently failing), grey ? (hit and miss), over a dashed target line. Each icon has its
 * name in words (`iconText`), which every format puts beside or behind it: the colour is never
 * the only cue. Which icon a chart shows comes from the chart view-model (`chart-view.ts`), never
 * worked out again here.
 */
import { escapeXml } from '../diagrams/svg-text';
import { CLASS_STYLES, MARKER_OUTLINE } from './chart-labels';
import type { ChartView } from './chart-view';
import type { Assurance, PointType, Side } from './types';

export type MdcIcon =
  | {
      readonly kind: 'variation';
      readonly type: PointType;
      readonly side: Side | null;
      readonly label: string;
    }
  | { readonly kind: 'assurance'; readonly value: Assurance; readonly label: string };

/** One drawn piece of an icon, in a 40 × 40 box; the SVG and the page's React both draw these. */
export type IconShape =
  | {
      readonly tag: 'circle';
      readonly cx: number;
      readonly cy: number;
      readonly r: number;
      readonly fill: string;
      readonly stroke: string;
      readonly strokeWidth: number;
    }
  | {
      readonly tag: 'path';
      readonly d: string;
      readonly stroke: string;
      readonly strokeWidth: number;
      readonly dash: string | null;
    }
  | {
      readonly tag: 'text';
      readonly x: number;
      readonly y: number;
      readonly text: string;
      readonly size: number;
      readonly fill: string;
    };

export const ICON_BOX = 40;
const WHITE = '#ffffff';
const DOT_XS = [9, 13, 17, 21, 25, 29, 33] as const;
const FLAT = [22, 20, 23, 21, 23, 20, 22];
/** The last three dots leave the rest: rising for high, falling for low. */
const HIGH = [23, 22, 23, 22, 18, 15, 12];
const LOW = [17, 18, 17, 18, 22, 25, 28];

const ASSURANCE_STYLE: Readonly<Record<Assurance, { colour: string; letter: string }>> = {
  consistent_pass: { colour: CLASS_STYLES.special_cause_improvement.colour, letter: 'P' },
  consistent_fail: { colour: CLASS_STYLES.special_cause_concern.colour, letter: 'F' },
  hit_and_miss: { colour: CLASS_STYLES.common_cause.colour, letter: '?' },
};

/** The chart's two icons, as the view-model classified them; none for a run chart. */
export function chartIcons(view: Pick<ChartView, 'variation' | 'assurance'>): MdcIcon[] {
  return [
    ...(view.variation
      ? [
          {
            kind: 'variation' as const,
            type: view.variation.type,
            side: view.variation.side,
            label: view.variation.label,
          },
        ]
      : []),
    ...(view.assurance
      ? [{ kind: 'assurance' as const, value: view.assurance.value, label: view.assurance.label }]
      : []),
  ];
}

/** The icon in words, its text alternative everywhere: "Variation: Common cause variation". */
export function iconText(icon: MdcIcon): string {
  return `${icon.kind === 'variation' ? 'Variation' : 'Assurance'}: ${icon.label}`;
}

const ring = (colour: string): IconShape => ({
  tag: 'circle',
  cx: 20,
  cy: 20,
  r: 17.5,
  fill: WHITE,
  stroke: colour,
  strokeWidth: 3,
});

function variationShapes(type: PointType, side: Side | null): IconShape[] {
  const special = type !== 'common_cause';
  const colour = CLASS_STYLES[type].colour;
  const grey = CLASS_STYLES.common_cause.colour;
  const ys = !special ? FLAT : side === 'low' ? LOW : HIGH;
  const d = DOT_XS.map((x, i) => `${i === 0 ? 'M' : 'L'}${x},${ys[i]}`).join(' ');
  const dots = DOT_XS.map(
    (x, i): IconShape => ({
      tag: 'circle',
      cx: x,
      cy: ys[i] ?? 20,
      r: 1.8,
      fill: special && i >= 4 ? colour : grey,
      stroke: special && i >= 4 ? MARKER_OUTLINE : grey,
      strokeWidth: 0.4,
    }),
  );
  const letter: IconShape[] =
    special && side
      ? [
          {
            tag: 'text',
            x: 20,
            y: side === 'low' ? 13 : 33,
            text: side === 'low' ? 'L' : 'H',
            size: 9,
            fill: MARKER_OUTLINE,
          },
        ]
      : [];
  return [
    ring(colour),
    { tag: 'path', d, stroke: grey, strokeWidth: 1, dash: null },
    ...dots,
    ...letter,
  ];
}

function assuranceShapes(value: Assurance): IconShape[] {
  const { colour, letter } = ASSURANCE_STYLE[value];
  // The process against the target (dashed): clear of it on one side, or crossing it.
  const process =
    value === 'hit_and_miss'
      ? 'M8,29 Q11,25 14,29 T20,29 T26,29 T32,29'
      : value === 'consistent_pass'
        ? 'M9,25 L31,25'
        : 'M10,32 L30,32';
  return [
    ring(colour),
    { tag: 'text', x: 20, y: 20, text: letter, size: 13, fill: MARKER_OUTLINE },
    { tag: 'path', d: 'M7,28.5 L33,28.5', stroke: MARKER_OUTLINE, strokeWidth: 1, dash: '2 1.5' },
    { tag: 'path', d: process, stroke: colour, strokeWidth: 2, dash: null },
  ];
}

export function iconShapes(icon: MdcIcon): IconShape[] {
  return icon.kind === 'variation'
    ? variationShapes(icon.type, icon.side)
    : assuranceShapes(icon.value);
}

function shapeSvg(shape: IconShape): string {
  switch (shape.tag) {
    case 'circle':
      return `<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" fill="${shape.fill}" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}"/>`;
    case 'path':
      return `<path d="${shape.d}" fill="none" stroke="${shape.stroke}" stroke-width="${shape.strokeWidth}"${shape.dash ? ` stroke-dasharray="${shape.dash}"` : ''}/>`;
    case 'text':
      return `<text x="${shape.x}" y="${shape.y}" text-anchor="middle" font-family="Arial, sans-serif" font-weight="bold" font-size="${shape.size}" fill="${shape.fill}">${escapeXml(shape.text)}</text>`;
    default: {
      const unreachable: never = shape;
      throw new Error(`unknown icon shape ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The icon as one standalone SVG, `size` units square, naming itself in its title. */
export function iconSvg(icon: MdcIcon, size = ICON_BOX): string {
  const text = escapeXml(iconText(icon));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${ICON_BOX} ${ICON_BOX}" width="${size}" height="${size}" role="img" aria-label="${text}">` +
    `<title>${text}</title>${iconShapes(icon).map(shapeSvg).join('')}</svg>`
  );
}
