/**
 * Everything the measure page draws of a chart: the shared view-model (`shared/charts/
 * chart-view.ts`: points with their class and signals, segments, described signals, the words)
 * and where each thing goes in the SVG. The SVG, its key and its data table all render this one
 * model, so they cannot disagree, and the exports read the same view-model.
 */

import {
  type ChartView,
  type ChartViewOptions,
  type ChartViewPoint,
  chartView,
} from '../../../shared/charts/chart-view';
import { type ChartGeometry, chartGeometry } from './chart-geometry';

export interface ChartModel extends ChartView {
  readonly geometry: ChartGeometry;
}

export function chartModel(
  points: readonly ChartViewPoint[],
  options: ChartViewOptions,
): ChartModel {
  const view = chartView(points, options);
  return {
    ...view,
    geometry: chartGeometry(view.points, view.segments, view.target, view.showTwoSigma),
  };
}
