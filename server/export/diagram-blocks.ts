/**
 * What the report says for a fishbone and a process map: the diagram as a
 * picture (the same SVG the screen draws, `shared/diagrams`), then its outline
 * in words, which is the picture's text alternative in every format: each
 * category with its causes and their "why?" chains; the steps numbered in
 * order, with a decision's branches and the problems and ideas noted on each.
 */
import { countCauses, type FishboneCause } from '../../shared/diagrams/fishbone';
import { fishboneSummary, fishboneSvg } from '../../shared/diagrams/fishbone-svg';
import { branchLines, stepText } from '../../shared/diagrams/process-map';
import { processSvg } from '../../shared/diagrams/process-svg';
import type { Block } from './blocks';
import type { OutlineItem } from './driver-diagram';
import type { FishboneReport, ProcessReport } from './report-model';

const svgId = (itemId: string) => `figure-${itemId.replace(/[^A-Za-z0-9_-]/g, '')}`;

function causeItems(causes: readonly FishboneCause[]): OutlineItem[] {
  return causes.map((cause) => ({
    text: cause.label || '(no label yet)',
    children: causeItems(cause.causes),
  }));
}

export function fishboneBlocks(item: FishboneReport): Block[] {
  const { fishbone } = item;
  const causes = fishbone.categories.reduce((n, c) => n + countCauses(c.causes), 0);
  if (fishbone.categories.length === 0 && !fishbone.effect)
    return [{ kind: 'paragraph', text: 'This fishbone has no effect or causes yet.' }];
  const drawing = fishboneSvg(fishbone, item.title, svgId(item.id));
  return [
    {
      kind: 'figure',
      ...drawing,
      title: item.title,
      description: `${fishboneSummary(fishbone)}. The outline that follows lists every cause.`,
    },
    {
      kind: 'list',
      items: [
        {
          text: `Effect: ${fishbone.effect || 'not written yet'} (${causes} ${causes === 1 ? 'cause' : 'causes'})`,
          children: fishbone.categories.map((category) => ({
            text: category.label || '(no label yet)',
            children: causeItems(category.causes),
          })),
        },
      ],
    },
  ];
}

export function processBlocks(item: ProcessReport): Block[] {
  const { map } = item;
  if (map.steps.length === 0)
    return [{ kind: 'paragraph', text: 'This process map has no steps yet.' }];
  const drawing = processSvg(map, item.title, svgId(item.id));
  const steps: OutlineItem[] = map.steps.map((step) => ({
    text: stepText(map, step),
    children: [
      ...branchLines(map, step),
      ...(step.problem ? [`Problem: ${step.problem}`] : []),
      ...(step.idea ? [`Idea: ${step.idea}`] : []),
    ].map((text) => ({ text, children: [] })),
  }));
  return [
    ...(map.scope ? [{ kind: 'paragraph', text: map.scope } as const] : []),
    {
      kind: 'figure',
      ...drawing,
      title: item.title,
      description: `A process map of ${map.steps.length} steps in ${map.lanes.length} swimlanes. The numbered steps follow.`,
    },
    // Numbered by the list itself, in order, so step N is the list's Nth item.
    { kind: 'list', items: steps, ordered: true },
  ];
}
