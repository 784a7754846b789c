/**
 * The body of an item page, by kind. Every kind has a working editor drawn from
 * its spec (`GenericItemEditor`); kinds with a purpose-made screen are listed here.
 * Each kind's code is its own chunk, fetched when an item of that kind opens:
 * a measure does not load the diagram canvas, a driver diagram not the chart.
 */
import { lazy, Suspense } from 'react';
import { KIND_KEY_TERMS } from '../../shared/glossary';
import { TermsKey } from '../lib/GlossaryTip';
import type { ItemBodyProps } from '../lib/item-fields/item-body-props';
import { Loading } from '../lib/PageStatus';
import { itemKindCode as code } from './item-kind-code';
import { paths } from './router';

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
