/**
 * The portfolio as CSV (RFC 4180, a byte order mark for Excel, text cells neutralised
 * against formulas as every CSV of the project is): one row per lab, the measures'
 * icons and the survey's paired results in the words the page gives them.
 */
import { iconText } from '../../shared/charts/mdc-icons';
import type { PortfolioRow } from '../../shared/schemas/portfolio';
import { csvField, neutralise } from '../export/render-csv';

export const PORTFOLIO_CSV_HEADER = [
  'lab',
  'phase',
  'topic',
  'archived',
  'last_activity',
  'members_by_profession',
  'measures',
  'pdsa_cycles',
  'pdsa_decided',
  'new_connections',
  'survey_before',
  'survey_after',
  'survey_paired',
  'survey_results',
] as const;

const measuresText = (row: PortfolioRow) =>
  row.measures
    .map((measure) =>
      measure.icons.length === 0
        ? `${measure.title}: no icons yet`
        : `${measure.title}: ${measure.icons.map(iconText).join(', ')}`,
    )
    .join('; ');

export function renderPortfolioCsv(rows: readonly PortfolioRow[]): string {
  const cells = rows.map((row) => [
    neutralise(row.title),
    row.phase,
    neutralise(row.topic ?? ''),
    row.archived ? 'yes' : 'no',
    row.lastActivity,
    neutralise(row.professions.map((each) => `${each.profession}: ${each.count}`).join('; ')),
    neutralise(measuresText(row)),
    String(row.pdsa.total),
    String(row.pdsa.decided),
    String(row.newConnections),
    row.survey === null ? '' : String(row.survey.before),
    row.survey === null ? '' : String(row.survey.after),
    row.survey === null ? '' : String(row.survey.paired),
    neutralise(row.survey?.questions.map((q) => `${q.text}: ${q.change}`).join(' ') ?? ''),
  ]);
  const lines = [PORTFOLIO_CSV_HEADER, ...cells].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
