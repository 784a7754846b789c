/**
 * Public API of the chart-rules engine: run charts (IHI and Anhøj rules) and control charts (XmR,
 * p, p′, u, u′, c, g, t) with NHS England Making Data Count's rules, with baselines, re-basing, exclusions and proportions; the CSV
 * reader for measure data; and the JSON the `npm run chart` command prints. Pure and DOM-free:
 * the same code runs in the browser and in Node.
 */

export { assuranceFor } from './assurance';
export { buildChart } from './build-chart';
export { type ChartJson, chartJson, chartJsonSchema } from './chart-json';
export { needsDenominators } from './control-input';
export { type CsvIssue, parseCsv } from './csv';
export { MAX_REPORTED_ISSUES, type MeasureCsv, parseMeasureCsv } from './measure-csv';
export { proportionPoints } from './proportions';
export {
  anhoejRunChart,
  binomialHalfQuantile,
  crossingsLimit,
  longestRunLimit,
} from './run-chart-anhoej';
export { IHI_SHIFT_POINTS, IHI_TREND_POINTS, ihiRunChart } from './run-chart-ihi';
export {
  ihiRunsLimits,
  PERLA_RUNS_TABLE,
  PERLA_TABLE_FIRST_N,
  PERLA_TABLE_LAST_N,
  swedEisenhartRunsLimits,
} from './runs-limits';
export * from './types';
export { pointType, type XmrOptions, xmrChart } from './xmr';
export { MDC_TRIAL_LIMIT_POINTS } from './xmr-limits';
export {
  type ChartSuggestion,
  LARGE_DENOMINATOR,
  OVER_DISPERSED_SIGMA_Z,
  suggestChart,
} from './suggest-chart';
