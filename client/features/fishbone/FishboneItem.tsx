/**
 * A fishbone (cause and effect) item: the picture on the canvas, live as anyone
 * edits; for people who may edit, the editor of the effect, categories and causes;
 * for everyone, the outline in words.
 */
import './fishbone.css';
import { fieldsMap, list } from '../../../shared/documents/item-doc';
import { readFishbone } from '../../../shared/diagrams/fishbone';
import type { ItemBodyProps } from '../../lib/item-fields/item-body-props';
import { useYChanges } from '../../lib/y-hooks';
import { FishboneEditor } from './FishboneEditor';
import { FishboneOutline } from './FishboneOutline';
import { FishbonePicture } from './FishbonePicture';

export function FishboneItem({ item, doc, provider, editable }: ItemBodyProps) {
  useYChanges(fieldsMap(doc));
  useYChanges(list(doc, 'categories'));
  useYChanges(list(doc, 'causes'));
  const fishbone = readFishbone(doc);
  return (
    <div className="fishbone">
      <FishbonePicture fishbone={fishbone} title={item.title || 'Fishbone diagram'} />
      {editable && (
        <FishboneEditor
          doc={doc}
          fishbone={fishbone}
          awareness={provider.awareness}
          labId={item.labId}
        />
      )}
      <FishboneOutline fishbone={fishbone} />
    </div>
  );
}
