/**
 * The body of an item page, by kind. Every kind has a working editor drawn from
 * its spec (`GenericItemEditor`); kinds with a purpose-made screen are listed here.
 * Each kind's code is its own chunk, fetched when an item of that kind opens:
 * a measure does not load the diagram canvas, a driver diagram not the chart.
 */
import { Suspense } from 'react';
import { KIND_KEY_TERMS } from '../../shared/glossary';
import { TermsKey } from '../lib/GlossaryTip';
import type { ItemBodyProps } from '../lib/item-fields/item-body-props';
import { Loading } from '../lib/PageStatus';
import { itemKindBodies as bodies } from './item-kind-code';
import { paths } from './router';

const DriverDiagram = bodies.drivers.Component;
const IdeaEditor = bodies.idea.Component;
const RampView = bodies.ramp.Component;
const MeasureEditor = bodies.measure.Component;
const PdsaWorksheet = bodies.pdsa.Component;
const ProblemEditor = bodies.problem.Component;
const FishboneItem = bodies.fishbone.Component;
const ProcessItem = bodies.process.Component;
const WorkshopBoard = bodies.workshop.Component;
const GenericItemEditor = bodies.generic.Component;

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
