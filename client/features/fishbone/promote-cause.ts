/**
 * A cause on the fishbone becomes a driver: added as a secondary driver to one
 * of the lab's driver diagrams, written into that diagram's document through a
 * connection opened for the purpose (the same edit its own page would make) and
 * closed once the edit is sent. The diagram's team then links it where it belongs.
 */
import { addRow } from '../../../shared/documents/item-doc';
import { openBackgroundDoc, syncServerUrl } from '../../lib/background-doc';
import { newRowId } from './fishbone-edits';

const TIMEOUT_MS = 15_000;

export function promoteToDriver(diagramId: string, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      opened.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(
      () => finish(new Error('the driver diagram did not open in time')),
      TIMEOUT_MS,
    );
    const opened = openBackgroundDoc(syncServerUrl(window.location), diagramId, {
      onSynced: () => {
        if (done) return;
        addRow(opened.doc, 'drivers', 'nodes', newRowId(), {
          type: 'secondary',
          label,
          ideaId: null,
        });
        // The update went out on the socket with the edit; a socket closed after it still
        // delivers it first, and the server stores it before it is passed on.
        finish();
      },
      onRefused: () => finish(new Error('you may not change that driver diagram')),
    });
  });
}
