/**
 * A process map item: the picture on the canvas (swimlanes, steps, branches,
 * problems and ideas), live as anyone edits; the editor for people who may
 * edit; and for everyone, the numbered list of steps.
 */
import './process.css';
import { useId } from 'react';
import { fieldsMap, list } from '../../../shared/documents/item-doc';
import {
  branchLines,
  type ProcessMap,
  readProcessMap,
  stepLine,
} from '../../../shared/diagrams/process-map';
import { processSvg } from '../../../shared/diagrams/process-svg';
import { CanvasFrame } from '../../lib/canvas/CanvasFrame';
import type { ItemBodyProps } from '../../lib/item-fields/item-body-props';
import { useYChanges } from '../../lib/y-hooks';
import { ProcessEditor } from './ProcessEditor';

function ProcessPicture({ map, title }: { map: ProcessMap; title: string }) {
  const prefix = `pm${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const drawing = processSvg(map, title, prefix);
  return (
    <CanvasFrame label="Process map" content={drawing} drawingId={`${prefix}-drawing`} focusable>
      <div
        className="diagram-svg"
        // The SVG is built from escaped text (`shared/diagrams/svg-text.ts`), never from markup.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: see above.
        dangerouslySetInnerHTML={{ __html: drawing.svg }}
      />
    </CanvasFrame>
  );
}

function StepList({ map }: { map: ProcessMap }) {
  return (
    <section aria-labelledby="process-steps-heading" data-testid="process-steps">
      <h2 className="nhsuk-heading-m" id="process-steps-heading">
        The steps in order
      </h2>
      {map.scope && <p className="nhsuk-body">{map.scope}</p>}
      {map.steps.length === 0 ? (
        <p className="nhsuk-body">No steps yet.</p>
      ) : (
        <ul className="nhsuk-list">
          {map.steps.map((step) => {
            const notes = [
              ...branchLines(map, step),
              ...(step.problem ? [`Problem: ${step.problem}`] : []),
              ...(step.idea ? [`Idea: ${step.idea}`] : []),
            ];
            return (
              <li key={step.id}>
                {stepLine(map, step)}
                {notes.length > 0 && (
                  <ul className="nhsuk-list nhsuk-list--bullet">
                    {notes.map((note) => (
                      <li key={note}>{note}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function ProcessItem({ item, doc, provider, editable }: ItemBodyProps) {
  useYChanges(fieldsMap(doc));
  useYChanges(list(doc, 'lanes'));
  useYChanges(list(doc, 'steps'));
  useYChanges(list(doc, 'branches'));
  const map = readProcessMap(doc);
  return (
    <div className="process-map">
      <ProcessPicture map={map} title={item.title || 'Process map'} />
      {editable && <ProcessEditor doc={doc} map={map} awareness={provider.awareness} />}
      <StepList map={map} />
    </div>
  );
}
