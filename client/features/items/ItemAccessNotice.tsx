/** Says plainly what a person may do with an item they cannot change. */
import type { DocRights } from '../../../shared/roles';

export function ItemAccessNotice({ rights }: { rights: DocRights }) {
  switch (rights) {
    case 'edit':
      return null;
    case 'comment':
      return (
        <div className="nhsuk-inset-text" data-testid="access-notice">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>You can read this and comment on it; you cannot change the text.</p>
        </div>
      );
    case 'read':
      return (
        <div className="nhsuk-inset-text" data-testid="access-notice">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>You can read this but not change it.</p>
        </div>
      );
    default: {
      const unreachable: never = rights;
      throw new Error(`unknown rights ${String(unreachable)}`);
    }
  }
}
