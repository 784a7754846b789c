/**
 * The body of an item page, by kind. Every kind has a working editor drawn from
 * its spec (`GenericItemEditor`); kinds with a purpose-made screen are listed here.
 */
import { DriverDiagram } from '../features/drivers/DriverDiagram';
import { IdeaEditor } from '../features/ideas/IdeaEditor';
import { MeasureEditor } from '../features/measures/MeasureEditor';
import { PdsaWorksheet } from '../features/pdsa/PdsaWorksheet';
import { RampView } from '../features/pdsa/RampView';
import { ProblemEditor } from '../features/problem/ProblemEditor';
import { GenericItemEditor } from '../lib/item-fields/GenericItemEditor';
import type { ItemBodyProps } from '../lib/item-fields/item-body-props';
import { paths } from './router';

export function ItemBody(props: ItemBodyProps) {
  switch (props.item.kind) {
    case 'drivers':
      return <DriverDiagram {...props} />;
    case 'pdsa':
      return <PdsaWorksheet {...props} />;
    case 'problem':
      return <ProblemEditor {...props} />;
    case 'idea':
      return (
        <IdeaEditor {...props}>
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
    default: {
      const unreachable: never = props.item.kind;
      throw new Error(`unknown item kind ${String(unreachable)}`);
    }
  }
}
