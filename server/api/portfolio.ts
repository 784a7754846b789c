/**
 * The portfolio's rows (`shared/schemas/portfolio.ts`), each figure read from where
 * its own page reads it: a measure's icons from the chart view-model of its points
 * (`server/export/measure-chart.ts`, as every export draws it), PDSA cycles from the
 * item registry's facts, connections from the lab's network (`lab-network.ts`), and
 * the survey from `surveyResults`. Only measures' documents are opened; everything
 * else is in the registry.
 */
import { chartIcons, type MdcIcon } from '../../shared/charts/mdc-icons';
import { readFields, readRows, readTitle } from '../../shared/documents/item-doc';
import { surveyResults } from '../../shared/evaluation/survey-results';
import { describeChange } from '../../shared/evaluation/survey-words';
import type { Interaction } from '../../shared/network/connections';
import type {
  PortfolioMeasure,
  PortfolioQuery,
  PortfolioRow,
  PortfolioSurvey,
} from '../../shared/schemas/portfolio';
import type { Profession } from '../../shared/roles';
import type { ItemRecord, LabRecord } from '../../shared/schemas/records';
import { ANONYMITY_THRESHOLD, defaultSurvey } from '../../shared/schemas/survey';
import { measureChart } from '../export/measure-chart';
import { measurePoints, measureSettings } from '../export/measure-rows';
import type { ApiDeps } from './context';
import { labNetworkOf, workspaceInteractions } from './lab-network';

async function measureIcons(deps: ApiDeps, item: ItemRecord): Promise<PortfolioMeasure> {
  const read = await deps.docs.read(item.id, (doc) => ({
    title: readTitle(doc).trim(),
    fields: readFields(doc, 'measure'),
    rows: readRows(doc, 'points'),
  }));
  const settings = measureSettings(read.fields);
  const title = read.title || item.title;
  const unit = typeof read.fields.unit === 'string' ? read.fields.unit : '';
  const points = measurePoints(read.rows, settings.recordedAs);
  const chart = measureChart({ ...settings, title, unit, points });
  const icons: MdcIcon[] = chart === null ? [] : chartIcons(chart);
  return { itemId: item.id, title, icons };
}

function labSurvey(deps: ApiDeps, lab: LabRecord): PortfolioSurvey | null {
  const { meta, now } = deps;
  const responses = meta.listSurveyResponses(lab.id);
  const stored = meta.getSurvey(lab.id);
  if (stored === null && responses.length === 0) return null;
  const survey = stored ?? defaultSurvey(lab.id, lab.createdBy, now().toISOString());
  // Names are never shown here: the results are read as if the survey were anonymous.
  const results = surveyResults(
    { ...survey, anonymous: true },
    responses,
    meta.listMembers(lab.id).length,
    () => '',
  );
  const enough = results.paired >= ANONYMITY_THRESHOLD;
  return {
    before: results.responses.before,
    after: results.responses.after,
    paired: results.paired,
    questions: enough
      ? results.questions.flatMap((question) =>
          question.kind === 'scale' && question.paired !== null
            ? [{ text: question.text, change: describeChange(question.paired) }]
            : [],
        )
      : [],
  };
}

function professions(deps: ApiDeps, labId: string): PortfolioRow['professions'] {
  const counts = new Map<Profession, number>();
  for (const membership of deps.meta.listMembers(labId)) {
    const user = deps.meta.getUser(membership.userId);
    if (user === null) continue;
    counts.set(user.profession, (counts.get(user.profession) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([profession, count]) => ({ profession, count }))
    .sort((a, b) => b.count - a.count || a.profession.localeCompare(b.profession));
}

async function labRow(
  deps: ApiDeps,
  lab: LabRecord,
  everywhere: readonly Interaction[],
): Promise<PortfolioRow> {
  const items = deps.meta.listItems(lab.id).filter((item) => item.archivedAt === null);
  const cycles = items.filter((item) => item.kind === 'pdsa');
  const measures: PortfolioMeasure[] = [];
  for (const item of items) {
    if (item.kind === 'measure') measures.push(await measureIcons(deps, item));
  }
  const lastActivity = [lab.createdAt, ...items.map((item) => item.updatedAt)].sort().at(-1);
  const network = await labNetworkOf(deps, lab, everywhere);
  return {
    labId: lab.id,
    title: lab.title,
    phase: lab.phase,
    topic: lab.topic ?? null,
    archived: lab.archivedAt !== null,
    lastActivity: lastActivity ?? lab.createdAt,
    professions: professions(deps, lab.id),
    measures,
    pdsa: {
      total: cycles.length,
      decided: cycles.filter(
        (item) => typeof item.facts?.decision === 'string' && item.facts.decision !== '',
      ).length,
    },
    newConnections: network.newTies,
    survey: labSurvey(deps, lab),
  };
}

function matches(lab: LabRecord, query: PortfolioQuery): boolean {
  if (query.phase && lab.phase !== query.phase) return false;
  if (query.topic && (lab.topic ?? '') !== query.topic) return false;
  if (query.q) {
    const words = query.q.toLowerCase();
    if (!`${lab.title}\n${lab.challenge}`.toLowerCase().includes(words)) return false;
  }
  return true;
}

/** The rows the query keeps, by title, and every topic any lab has (for the filter). */
export async function portfolioRows(
  deps: ApiDeps,
  query: PortfolioQuery,
): Promise<{ labs: PortfolioRow[]; topics: string[] }> {
  const all = deps.meta.listLabs();
  const topics = [...new Set(all.flatMap((lab) => (lab.topic ? [lab.topic] : [])))].sort();
  const kept = all.filter((lab) => matches(lab, query));
  const everywhere = kept.length === 0 ? [] : workspaceInteractions(deps);
  const labs: PortfolioRow[] = [];
  for (const lab of kept.sort((a, b) => a.title.localeCompare(b.title))) {
    labs.push(await labRow(deps, lab, everywhere));
  }
  return { labs, topics };
}
