/**
 * The frame every diagram is drawn in: a window onto the drawing that pans and
 * zooms by mouse, touch and keyboard, fits the whole drawing, shows a minimap,
 * and a presentation mode that fills the screen with the diagram alone, fitted
 * in large type, for projecting in a room.
 *
 * Keys (on anything inside the frame, after the drawing's own keys have had
 * their turn): + and − zoom, 0 fits, Shift+arrows pan, P presents, M shows or
 * hides the minimap, Escape leaves presentation. Every move is also a button,
 * and what each did is said in a live region. The keyboard's focus is kept in
 * view: when it moves to a part of the drawing off screen, the view follows.
 */
import './canvas.css';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Minimap } from './Minimap';
import { useViewport, type Viewport } from './use-viewport';
import { PAN_STEP, panBy, type Rect, type Size, type View, ZOOM_STEP } from './viewport';

/** The largest scale presentation mode fits to: large type, not a poster of three boxes. */
const PRESENT_MAX_SCALE = 2.5;
/** Below this, the first view starts at the drawing's top left instead of fitting it all. */
const FIRST_VIEW_MIN_SCALE = 0.6;
/**
 * A frame narrower than this (a phone) starts at full size: at 60% a drawing's labels are
 * about 8 px, too small to read, and the minimap already shows where the view is.
 */
const NARROW_FRAME_PX = 600;

export interface CanvasFrameProps {
  /** What the drawing is, e.g. "Driver diagram": names the frame and its announcements. */
  readonly label: string;
  /** The drawing's own size, in its units (its `svg` width and height). */
  readonly content: Size;
  /** The id of the drawing's `svg`, which the minimap shows. */
  readonly drawingId: string;
  /** The drawing's boxes, for the minimap to show instead of a copy of a large drawing. */
  readonly overview?: readonly Rect[];
  /** True when nothing in the drawing takes the keyboard's focus: the frame itself does. */
  readonly focusable?: boolean;
  readonly children: ReactNode;
}

const BUTTON = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

function isTyping(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

const PAN_KEYS: Readonly<Record<string, [number, number]>> = {
  ArrowUp: [0, PAN_STEP],
  ArrowDown: [0, -PAN_STEP],
  ArrowLeft: [PAN_STEP, 0],
  ArrowRight: [-PAN_STEP, 0],
};

function firstView(content: Size, viewport: Viewport): View {
  const fitted = viewport.fit(1);
  if (fitted.scale >= FIRST_VIEW_MIN_SCALE) return fitted;
  const scale = viewport.size.width < NARROW_FRAME_PX ? 1 : FIRST_VIEW_MIN_SCALE;
  const top = Math.max(16, (viewport.size.height - content.height * scale) / 2);
  const start = { x: 16, y: top, scale };
  viewport.setView(start);
  return start;
}

/** Presentation mode: the frame over the whole window (and the whole screen, where allowed). */
function usePresentation(frame: React.RefObject<HTMLElement | null>) {
  const [presenting, setPresenting] = useState(false);
  useEffect(() => {
    const left = () => {
      if (!document.fullscreenElement) setPresenting(false);
    };
    document.addEventListener('fullscreenchange', left);
    return () => document.removeEventListener('fullscreenchange', left);
  }, []);
  const set = (on: boolean) => {
    setPresenting(on);
    // The browser may refuse full screen (no gesture, a policy): the frame still fills the window.
    if (on && frame.current?.requestFullscreen && !document.fullscreenElement)
      frame.current.requestFullscreen().catch(() => undefined);
    if (!on && document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  };
  return [presenting, set] as const;
}

export function CanvasFrame(props: CanvasFrameProps) {
  const { label, content, drawingId, focusable, overview, children } = props;
  const frameRef = useRef<HTMLElement>(null);
  const drawingRef = useRef<HTMLDivElement>(null);
  const viewport = useViewport(content);
  const { view, size } = viewport;
  const [presenting, setPresenting] = usePresentation(frameRef);
  const [minimap, setMinimap] = useState<boolean | null>(null);
  const [message, setMessage] = useState('');
  const statusId = useId();
  const started = useRef(false);
  const percent = Math.round(view.scale * 100);

  // The first view, once the frame has a size; in presentation, fitted again on every change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the window or the drawing changes size.
  useEffect(() => {
    if (size.width === 0 || size.height === 0) return;
    if (presenting) {
      viewport.fit(PRESENT_MAX_SCALE);
      return;
    }
    if (started.current) return;
    started.current = true;
    const first = firstView(content, viewport);
    if (minimap === null) setMinimap(first.scale < 0.75);
  }, [size.width, size.height, presenting, content.width, content.height]);

  const say = (text: string) => setMessage(text);
  const zoom = (factor: number) => {
    viewport.zoom(factor);
    const next = Math.round(Math.min(4, Math.max(0.1, view.scale * factor)) * 100);
    say(`Zoom ${next}%.`);
  };
  const fitAll = () => {
    const fitted = viewport.fit(presenting ? PRESENT_MAX_SCALE : 1);
    say(`Whole ${label.toLowerCase()} in view, zoom ${Math.round(fitted.scale * 100)}%.`);
  };
  const present = (on: boolean) => {
    setPresenting(on);
    say(
      on
        ? `Presenting the ${label.toLowerCase()}. Press Escape to leave.`
        : 'Left presentation mode.',
    );
  };
  const toggleMinimap = () => {
    const on = !minimap;
    setMinimap(on);
    say(on ? 'Minimap shown.' : 'Minimap hidden.');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    if (isTyping(event.target)) return;
    const pan = event.shiftKey ? PAN_KEYS[event.key] : undefined;
    if (pan) viewport.setView((v) => panBy(v, pan[0], pan[1]));
    else if (event.key === '+' || event.key === '=') zoom(ZOOM_STEP);
    else if (event.key === '-' || event.key === '_') zoom(1 / ZOOM_STEP);
    else if (event.key === '0') fitAll();
    else if (event.key === 'p' || event.key === 'P') present(!presenting);
    else if (event.key === 'm' || event.key === 'M') toggleMinimap();
    else if (event.key === 'Escape' && presenting) present(false);
    else return;
    event.preventDefault();
  };

  // Keep the keyboard's focus on screen: follow it to any part of the drawing.
  const onFocus = (event: React.FocusEvent<HTMLElement>) => {
    const drawing = drawingRef.current;
    const target = event.target;
    if (!drawing || !(target instanceof Element) || !drawing.contains(target)) return;
    const box = target.getBoundingClientRect();
    const origin = drawing.getBoundingClientRect();
    viewport.reveal({
      x: (box.left - origin.left) / view.scale,
      y: (box.top - origin.top) / view.scale,
      width: box.width / view.scale,
      height: box.height / view.scale,
    });
  };

  return (
    <section
      ref={frameRef}
      className={`canvas${presenting ? ' canvas--presenting' : ''}`}
      aria-label={label}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      data-testid="canvas"
      data-presenting={presenting}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset is for form fields; this groups buttons. */}
      <div
        className="canvas__controls"
        role="group"
        aria-label={`View of the ${label.toLowerCase()}`}
      >
        <button type="button" className={BUTTON} onClick={() => zoom(1 / ZOOM_STEP)}>
          Zoom out
        </button>
        <button type="button" className={BUTTON} onClick={() => zoom(ZOOM_STEP)}>
          Zoom in
        </button>
        <button type="button" className={BUTTON} onClick={fitAll}>
          Fit to view
        </button>
        <button
          type="button"
          className={BUTTON}
          aria-pressed={minimap === true}
          onClick={toggleMinimap}
        >
          Minimap
        </button>
        <button
          type="button"
          className={BUTTON}
          aria-pressed={presenting}
          onClick={() => present(!presenting)}
        >
          {presenting ? 'Leave presentation' : 'Present'}
        </button>
        <span className="canvas__zoom" aria-hidden="true">
          {percent}%
        </span>
      </div>
      <p className="nhsuk-u-visually-hidden" role="status" id={statusId}>
        {message}
      </p>
      <div className="canvas__stage">
        {/* biome-ignore lint/a11y/useSemanticElements: a fieldset is for form fields; this is a view of a drawing. */}
        <div
          ref={viewport.ref}
          className="canvas__view"
          // A picture with nothing to focus in it still pans and zooms by keyboard.
          tabIndex={focusable ? 0 : undefined}
          role="group"
          aria-label={`${label}: Shift and arrow keys pan, plus and minus zoom, 0 fits, P presents`}
        >
          <div
            ref={drawingRef}
            className="canvas__drawing"
            style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
          >
            {children}
          </div>
        </div>
        {minimap && (
          <Minimap
            drawingId={drawingId}
            content={content}
            view={view}
            viewport={size}
            overview={overview}
            onMove={viewport.setView}
          />
        )}
      </div>
    </section>
  );
}
