/**
 * Making Data Count's icons from one source: each variation and assurance icon is drawn in its
 * class's colour (grey common cause, blue improvement, orange concern; blue pass, orange fail,
 * grey hit and miss), carries its letter (H or L for a special cause's side; P, F or ?), and
 * names itself in words, so nothing rests on colour alone. Which icon a chart gets is the chart
 * view-model's classification, taken as it is.
 */
import { describe, expect, it } from 'vitest';
import { CLASS_STYLES } from '../../shared/charts/chart-labels';
import { chartView } from '../../shared/charts/chart-view';
import {
  chartIcons,
  iconShapes,
  iconSvg,
  iconText,
  type MdcIcon,
} from '../../shared/charts/mdc-icons';

const ring = (icon: MdcIcon) => {
  const first = iconShapes(icon)[0];
  return first?.tag === 'circle' ? first.stroke : null;
};
const letters = (icon: MdcIcon) =>
  iconShapes(icon).flatMap((shape) => (shape.tag === 'text' ? [shape.text] : []));

const variation = (
  type: Extract<MdcIcon, { kind: 'variation' }>['type'],
  side: 'high' | 'low' | null,
): MdcIcon => ({ kind: 'variation', type, side, label: `${type} ${side}` });

describe('Making Data Count icons', () => {
  it('draws variation in the class colour with H or L for the side', () => {
    expect(ring(variation('common_cause', null))).toBe(CLASS_STYLES.common_cause.colour);
    expect(letters(variation('common_cause', null))).toEqual([]);
    for (const type of ['special_cause_improvement', 'special_cause_concern'] as const) {
      expect(ring(variation(type, 'high'))).toBe(CLASS_STYLES[type].colour);
      expect(letters(variation(type, 'high'))).toEqual(['H']);
      expect(letters(variation(type, 'low'))).toEqual(['L']);
    }
    expect(CLASS_STYLES.special_cause_improvement.colour).not.toBe(
      CLASS_STYLES.special_cause_concern.colour,
    );
  });

  it('draws assurance as P, F or ? in blue, orange or grey', () => {
    const icon = (value: 'consistent_pass' | 'consistent_fail' | 'hit_and_miss'): MdcIcon => ({
      kind: 'assurance',
      value,
      label: value,
    });
    expect([ring(icon('consistent_pass')), letters(icon('consistent_pass'))]).toEqual([
      CLASS_STYLES.special_cause_improvement.colour,
      ['P'],
    ]);
    expect([ring(icon('consistent_fail')), letters(icon('consistent_fail'))]).toEqual([
      CLASS_STYLES.special_cause_concern.colour,
      ['F'],
    ]);
    expect([ring(icon('hit_and_miss')), letters(icon('hit_and_miss'))]).toEqual([
      CLASS_STYLES.common_cause.colour,
      ['?'],
    ]);
  });

  it('takes the chart view-model’s variation and assurance, and names each in its SVG', () => {
    const values = [30, 32, 29, 31, 33, 30, 28, 31, 30, 29, 32, 31, 30, 45];
    const view = chartView(
      values.map((value, i) => ({ period: `P${i + 1}`, value })),
      { rules: 'mdc', chart: 'xmr', title: 'Waiting', direction: 'up', target: 20 },
    );
    const icons = chartIcons(view);
    expect(icons.map(iconText)).toEqual([
      `Variation: ${view.variation?.label}`,
      `Assurance: ${view.assurance?.label}`,
    ]);
    expect(icons.map(iconText)).toEqual([
      'Variation: Special cause improvement (high)',
      'Assurance: Consistently passing the target',
    ]);
    for (const icon of icons) {
      const svg = iconSvg(icon, 24);
      expect(svg).toContain(`aria-label="${iconText(icon)}"`);
      expect(svg).toContain(`<title>${iconText(icon)}</title>`);
      expect(svg).toContain('width="24"');
    }
    // A run chart has no Making Data Count icons.
    const run = chartView(
      values.map((value, i) => ({ period: `P${i + 1}`, value })),
      { rules: 'ihi', title: 'Waiting' },
    );
    expect(chartIcons(run)).toEqual([]);
  });
});
