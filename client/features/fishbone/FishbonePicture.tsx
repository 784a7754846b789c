/**
 * The fishbone as a picture in the canvas frame (pan, zoom, fit, present): the
 * same SVG the exports carry, from `shared/diagrams/fishbone-svg.ts`, named by
 * its title and described in a sentence; the outline carries every cause in words.
 */
import { useId } from 'react';
import type { Fishbone } from '../../../shared/diagrams/fishbone';
import { fishboneSvg } from '../../../shared/diagrams/fishbone-svg';
import { CanvasFrame } from '../../lib/canvas/CanvasFrame';

export function FishbonePicture({ fishbone, title }: { fishbone: Fishbone; title: string }) {
  const prefix = `fb${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const drawing = fishboneSvg(fishbone, title, prefix);
  return (
    <CanvasFrame
      label="Fishbone diagram"
      content={drawing}
      drawingId={`${prefix}-drawing`}
      focusable
    >
      <div
        className="diagram-svg"
        // The SVG is built from escaped text (`shared/diagrams/svg-text.ts`), never from markup.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: see above.
        dangerouslySetInnerHTML={{ __html: drawing.svg }}
      />
    </CanvasFrame>
  );
}
