/**
 * A change idea's page body: its fields (source, impact, effort, status,
 * owner) and place on the PICK chart, its description, and the drivers it is
 * linked to. The title is the item's, edited by the page. `children` is the
 * slot for the PDSA cycles that test this idea (the ramp view), mounted by
 * whoever renders the idea; it appears under its own heading below the rest.
 * Both it and the linked drivers read the lab's items from one lab feed.
 */
import type { ReactNode } from 'react';
import { section } from '../../../shared/documents/item-doc';
import { sectionName } from '../../../shared/documents/names';
import { CollaborativeEditor } from '../../lib/editor/CollaborativeEditor';
import { LabItemsProvider } from '../../lib/lab-items';
import type { ItemBodyProps } from '../../lib/item-fields/item-body-props';
import { useYChanges } from '../../lib/y-hooks';
import { IdeaFields } from './IdeaFields';
import { IdeaOrigin } from './IdeaOrigin';
import { LinkedDrivers } from './LinkedDrivers';

export interface IdeaEditorProps extends ItemBodyProps {
  /** The PDSA ramp of this idea, shown under "PDSA cycles testing this idea". */
  readonly children?: ReactNode;
  /** Where a link to another item leads (the workshop board the idea came from). */
  readonly itemHref: (itemId: string) => string;
}

function Description({ doc, provider, user, editable }: ItemBodyProps) {
  const fragment = section(doc, 'description');
  // Only a reader's "Nothing written yet" depends on it; an editor need not re-render per keystroke.
  useYChanges(editable ? null : fragment);
  return (
    <section
      className="item-editor__section nhsuk-u-margin-bottom-6"
      aria-labelledby="idea-description-heading"
    >
      <h2 className="nhsuk-heading-s" id="idea-description-heading">
        Description
      </h2>
      <CollaborativeEditor
        doc={doc}
        provider={provider}
        field={sectionName('description')}
        user={user}
        label="Description"
        editable={editable}
      />
      {fragment.length === 0 && !editable && <p className="nhsuk-body-s">Nothing written yet.</p>}
    </section>
  );
}

export function IdeaEditor({ children, itemHref, ...props }: IdeaEditorProps) {
  const { item, doc, provider, editable } = props;
  return (
    <LabItemsProvider labId={item.labId}>
      <div className="item-editor" data-testid="idea-editor">
        <IdeaOrigin doc={doc} itemHref={itemHref} />
        <IdeaFields doc={doc} awareness={provider.awareness} editable={editable} />
        <Description {...props} />
        <LinkedDrivers labId={item.labId} ideaId={item.id} doc={doc} />
        {/* Slot: the PDSA ramp view (another feature) is mounted here by the page. */}
        {children !== undefined && (
          <section aria-labelledby="idea-pdsa-heading" data-testid="idea-pdsa-cycles">
            <h2 className="nhsuk-heading-m" id="idea-pdsa-heading">
              PDSA cycles testing this idea
            </h2>
            {children}
          </section>
        )}
      </div>
    </LabItemsProvider>
  );
}
