/**
 * The body of an item page, by kind. Every kind has a working editor drawn from
 * its spec (`GenericItemEditor`); kinds with a purpose-made screen are listed here.
 */
import { GenericItemEditor } from '../features/item-fields/GenericItemEditor';
import type { ItemBodyProps } from '../features/item-fields/item-body-props';

export function ItemBody(props: ItemBodyProps) {
  switch (props.item.kind) {
    case 'problem':
    case 'drivers':
    case 'idea':
    case 'pdsa':
    case 'measure':
    case 'note':
      return <GenericItemEditor {...props} />;
    default: {
      const unreachable: never = props.item.kind;
      throw new Error(`unknown item kind ${String(unreachable)}`);
    }
  }
}
