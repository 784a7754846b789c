/** What every kind's editor receives from the item page. */
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { ItemWithRights } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../api';

export interface ItemBodyProps {
  readonly item: ItemWithRights;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Exactly the awareness user the server accepts: the account's id and name, and a caret colour. */
  readonly user: { readonly id: string; readonly name: string; readonly color: string };
  /** False for people who may only read or comment: no edit controls at all. */
  readonly editable: boolean;
  readonly api: ApiClient;
}
