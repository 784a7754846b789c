/**
 * The overview's measure charts load their code (chart model, limits, SVG)
 * only when a lab has a measure to draw, so the overview's first load stays light.
 */
import { lazy } from 'react';

export const LazyMeasureOverviewChart = lazy(async () => ({
  default: (await import('./MeasureOverviewChart')).MeasureOverviewChart,
}));
