/**
 * The aim as one readable sentence, rebuilt as anyone types in the aim's
 * fields. Only the prompt ("Add a target to complete the aim.") and the
 * warning are (polite) live regions: they change when a part is filled in, whereas
 * announcing the whole sentence at every keystroke would drown a screen reader.
 */
import type * as Y from 'yjs';
import { describeAim } from '../../../shared/documents/aim-sentence';
import { fieldsMap, readFields } from '../../../shared/documents/item-doc';
import { useYChanges } from '../y-hooks';

export function AimStatement({ doc }: { doc: Y.Doc }) {
  useYChanges(fieldsMap(doc));
  const aim = describeAim(readFields(doc, 'problem'));
  return (
    <div className="nhsuk-inset-text app-aim" data-testid="aim-statement">
      <span className="nhsuk-u-visually-hidden">Aim statement: </span>
      <p className="nhsuk-body-l app-aim__sentence" data-testid="aim-sentence">
        {aim.sentence ?? 'No aim yet.'}
      </p>
      <p className="nhsuk-body-s" role="status" data-testid="aim-prompt">
        {aim.prompt ?? 'The aim has every part: what, for whom, how much and by when.'}
      </p>
      <div role="status">
        {aim.conflict && (
          <p className="nhsuk-body-s app-aim__conflict">
            <strong>Check the numbers:</strong> {aim.conflict}
          </p>
        )}
      </div>
    </div>
  );
}
