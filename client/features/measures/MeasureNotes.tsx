/**
 * The measure's rich-text notes. The collaborative editor is the one piece this feature takes
 * from another (as the problem, idea and PDSA screens do): it is the app's only rich-text editor.
 */

import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { section } from '../../../shared/documents/item-doc';
import { KINDS } from '../../../shared/documents/item-kinds';
import { sectionName } from '../../../shared/documents/names';
import { CollaborativeEditor, type EditorUser } from '../../lib/editor/CollaborativeEditor';

export interface MeasureNotesProps {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly user: EditorUser;
  readonly editable: boolean;
}

export function MeasureNotes({ doc, provider, user, editable }: MeasureNotesProps) {
  const label = KINDS.measure.sections.notes ?? 'Notes';
  return (
    <>
      <CollaborativeEditor
        doc={doc}
        provider={provider}
        field={sectionName('notes')}
        user={user}
        label={label}
        editable={editable}
      />
      {section(doc, 'notes').length === 0 && !editable && (
        <p className="nhsuk-body-s">Nothing written yet.</p>
      )}
    </>
  );
}
