/**
 * The body of an item page, by kind. Every kind has a working editor drawn from
 * its spec (`GenericItemEditor`); kinds with a purpose-made screen are listed here.
 * Each kind's code is its own chunk, fetched when an item of that kind opens:
 * a measure does not load the diagram canvas, a driver diagram not the chart.
 */
import { lazy, Suspense } from 'react';
import { KIND_KEY_TERMS } from '../../shared/glossary';
import type { ItemKind } from '../../shared/schemas/records';
import { TermsKey } from '../lib/GlossaryTip';
import type { ItemBodyProps } from '../lib/item-fields/item-body-props';
import { Loading } from '../lib/PageStatus';
import { paths } from './router';

// Each kind's code, fetched once: the browser keeps the module, so a second import is
// answered from memory.
const code = {
  drivers: () => import('../features/drivers/DriverDiagram'),
  idea: () => import('../features/ideas/IdeaEditor'),
  ramp: () => import('../features/pdsa/RampView'),
  measure: () => import('../features/measures/MeasureEditor'),
  pdsa: () => import('../features/pdsa/PdsaWorksheet'),
  problem: () => import('../features/problem/ProblemEditor'),
  fishbone: () => import('../features/fishbone/FishboneItem'),
  process: () => import('../features/process/ProcessItem'),
  workshop: () => import('../features/workshop/WorkshopBoard'),
  generic: () => import('../lib/item-fields/GenericItemEditor'),
};

const DriverDiagram = lazy(async () => ({ default: (await code.drivers()).DriverDiagram }));
const IdeaEditor = lazy(async () => ({ default: (await code.idea()).IdeaEditor }));
const RampView = lazy(async () => ({ default: (await code.ramp()).RampView }));
const MeasureEditor = lazy(async () => ({ default: (await code.measure()).MeasureEditor }));
const PdsaWorksheet = lazy(async () => ({ default: (await code.pdsa()).PdsaWorksheet }));
const ProblemEditor = lazy(async () => ({ default: (await code.problem()).ProblemEditor }));
const FishboneItem = lazy(async () => ({ default: (await code.fishbone()).FishboneItem }));
const ProcessItem = lazy(async () => ({ default: (await code.process()).ProcessItem }));
const WorkshopBoard = lazy(async () => ({ default: (await code.workshop()).WorkshopBoard }));
const GenericItemEditor = lazy(async () => ({
  default: (await code.generic()).GenericItemEditor,
}));

const CODE_OF_KIND: Record<ItemKind, ReadonlyArray<() => Promise<unknown>>> = {
  drivers: [code.drivers],
  idea: [code.idea, code.ramp],
  measure: [code.measure],
  pdsa: [code.pdsa],
  problem: [code.problem],
  fishbone: [code.fishbone],
  process: [code.process],
  workshop: [code.workshop],
  note: [code.generic],
};

/**
 * Starts fetching a kind's code as soon as the kind is known (the item's summary has
 * come), so it loads while the page opens the document rather than after. A failed
 * fetch is left for the page's own import to retry and report.
 */
export function preloadItemBody(kind: ItemKind): void {
  for (const load of CODE_OF_KIND[kind]) load().catch(() => undefined);
}

function BodyOfKind(props: ItemBodyProps) {
  switch (props.item.kind) {
    case 'drivers':
      return <DriverDiagram {...props} />;
    case 'pdsa':
      return <PdsaWorksheet {...props} />;
    case 'problem':
      return <ProblemEditor {...props} />;
    case 'idea':
      return (
        <IdeaEditor {...props} itemHref={paths.item}>
          <RampView
            labId={props.item.labId}
            ideaId={props.item.id}
            itemHref={paths.item}
            withHeading={false}
          />
        </IdeaEditor>
      );
    case 'measure':
      return <MeasureEditor {...props} />;
    case 'note':
      return <GenericItemEditor {...props} />;
    case 'fishbone':
      return <FishboneItem {...props} />;
    case 'process':
      return <ProcessItem {...props} />;
    case 'workshop':
      return <WorkshopBoard {...props} itemHref={paths.item} />;
    default: {
      const unreachable: never = props.item.kind;
      throw new Error(`unknown item kind ${String(unreachable)}`);
    }
  }
}

export function ItemBody(props: ItemBodyProps) {
  return (
    <>
      <Suspense fallback={<Loading />}>
        <BodyOfKind {...props} />
      </Suspense>
      {/* Those who only read (reviewers, observers) get the page's words explained. */}
      {!props.editable && <TermsKey ids={KIND_KEY_TERMS[props.item.kind]} />}
    </>
  );
}
