/**
 * A process map drawn as an SVG string, for the screen and every export: one
 * horizontal swimlane per role or team (and one for steps in none), the steps
 * left to right in order, numbered, each shaped by its type (rounded ends for
 * start and end, a diamond for a decision, a dashed box for a wait, an arrow
 * box for a hand-off), problems and ideas noted under their step, and arrows
 * for the flow with each branch's answer written on it.
 */
import type { DiagramSvg } from './fishbone-svg';
import { type Lane, type ProcessMap, type ProcessStep, STEP_TYPE_LABELS } from './process-map';
import { DIAGRAM_FONT, escapeXml, textLines, wrapWords } from './svg-text';

const MARGIN = 16;
const LANE_LABEL = 130;
const COLUMN = 200;
const BOX_W = 160;
const BOX_H = 70;
const NOTE_LINE = 15;
const NOTE_CHARS = 26;

interface Placed {
  readonly step: ProcessStep;
  readonly x: number;
  readonly y: number;
}

function notesOf(step: ProcessStep): Array<{ kind: 'Problem' | 'Idea'; lines: string[] }> {
  const notes: Array<{ kind: 'Problem' | 'Idea'; lines: string[] }> = [];
  if (step.problem)
    notes.push({ kind: 'Problem', lines: wrapWords(`Problem: ${step.problem}`, NOTE_CHARS) });
  if (step.idea) notes.push({ kind: 'Idea', lines: wrapWords(`Idea: ${step.idea}`, NOTE_CHARS) });
  return notes;
}

function shape(placed: Placed): string {
  const { step, x, y } = placed;
  const stroke = 'stroke="#425563" stroke-width="2"';
  const cx = x + BOX_W / 2;
  const cy = y + BOX_H / 2;
  switch (step.type) {
    case 'start':
    case 'end':
      return `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="${BOX_H / 2}" fill="#e8f1f8" stroke="#005eb8" stroke-width="3"/>`;
    case 'decision':
      return `<polygon points="${cx},${y - 8} ${x + BOX_W + 8},${cy} ${cx},${y + BOX_H + 8} ${x - 8},${cy}" fill="#fff9c4" ${stroke}/>`;
    case 'wait':
      return `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="4" fill="#ffffff" ${stroke} stroke-dasharray="6 4"/>`;
    case 'handoff':
      return `<polygon points="${x},${y} ${x + BOX_W - 16},${y} ${x + BOX_W},${cy} ${x + BOX_W - 16},${y + BOX_H} ${x},${y + BOX_H}" fill="#ffffff" ${stroke}/>`;
    case 'step':
      return `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="4" fill="#ffffff" ${stroke}/>`;
    default: {
      const unreachable: never = step.type;
      throw new Error(`unknown step type ${String(unreachable)}`);
    }
  }
}

function stepSvg(placed: Placed): string {
  const { step, x, y } = placed;
  const chars = step.type === 'decision' ? 16 : 20;
  const lines = wrapWords(step.label || '(no label yet)', chars).slice(0, 3);
  const parts = [
    shape(placed),
    textLines(
      [`${step.number}. ${STEP_TYPE_LABELS[step.type]}`],
      x + (step.type === 'decision' ? 28 : 10),
      y + 16,
      14,
      'font-size="11" font-weight="700" fill="#425563"',
    ),
    textLines(
      lines,
      x + (step.type === 'decision' ? 28 : 10),
      y + 33,
      15,
      'font-size="13" fill="#212b32"',
    ),
  ];
  let noteY = y + BOX_H + 22;
  for (const note of notesOf(step)) {
    const colour = note.kind === 'Problem' ? '#d5281b' : '#007f3b';
    const height = note.lines.length * NOTE_LINE + 6;
    parts.push(
      `<rect x="${x}" y="${noteY - 13}" width="${BOX_W + 20}" height="${height}" fill="#ffffff" stroke="${colour}" stroke-width="1.5"/>`,
      textLines(note.lines, x + 4, noteY, NOTE_LINE, `font-size="11" fill="#212b32"`),
    );
    noteY += height + 4;
  }
  return parts.join('');
}

function laneHeight(steps: readonly ProcessStep[]): number {
  const notes = Math.max(
    0,
    ...steps.map((s) => notesOf(s).reduce((n, note) => n + note.lines.length * NOTE_LINE + 10, 0)),
  );
  return BOX_H + 50 + notes;
}

export function processSvg(map: ProcessMap, title: string, idPrefix: string): DiagramSvg {
  const bands: Array<{ lane: Lane | null; steps: ProcessStep[] }> = map.lanes.map((lane) => ({
    lane,
    steps: map.steps.filter((s) => s.lane === lane.id),
  }));
  const loose = map.steps.filter((s) => s.lane === null);
  if (loose.length > 0 || bands.length === 0) bands.push({ lane: null, steps: loose });
  const laneLeft = map.lanes.length > 0 ? LANE_LABEL : 0;
  const width = MARGIN * 2 + laneLeft + Math.max(1, map.steps.length) * COLUMN;
  const placed = new Map<string, Placed>();
  const parts: string[] = [];
  let top = MARGIN;
  bands.forEach((band, i) => {
    const height = laneHeight(band.steps);
    parts.push(
      `<rect x="${MARGIN}" y="${top}" width="${width - 2 * MARGIN}" height="${height}" fill="${i % 2 === 0 ? '#f0f4f5' : '#ffffff'}" stroke="#d8dde0"/>`,
    );
    if (laneLeft > 0)
      parts.push(
        textLines(
          wrapWords(band.lane ? band.lane.label || '(no name yet)' : 'No lane', 16),
          MARGIN + 8,
          top + 24,
          16,
          'font-size="13" font-weight="700" fill="#212b32"',
        ),
      );
    for (const step of band.steps) {
      const x = MARGIN + laneLeft + (step.number - 1) * COLUMN + (COLUMN - BOX_W) / 2;
      placed.set(step.id, { step, x, y: top + 20 });
    }
    top += height;
  });
  // A branch back to an earlier step curves below its lane: room for it under the last lane.
  const loops = map.flows.some((f) => {
    const [a, b] = [placed.get(f.from), placed.get(f.to)];
    return a !== undefined && b !== undefined && b.x <= a.x;
  });
  const height = top + MARGIN + (loops ? 100 : 0);
  for (const flow of map.flows) {
    const a = placed.get(flow.from);
    const b = placed.get(flow.to);
    if (!a || !b) continue;
    const x1 = a.x + BOX_W + (a.step.type === 'decision' ? 8 : 0);
    const y1 = a.y + BOX_H / 2;
    const x2 = b.x - (b.step.type === 'decision' ? 8 : 0);
    const y2 = b.y + BOX_H / 2;
    const back = x2 <= x1;
    const bend = back ? 90 : Math.max(30, (x2 - x1) / 2);
    const path = back
      ? `M${x1},${y1} C${x1 + bend},${y1 + 110} ${x2 - bend},${y2 + 110} ${x2},${y2}`
      : `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
    parts.push(
      `<path d="${path}" fill="none" stroke="#212b32" stroke-width="2" marker-end="url(#${idPrefix}-arrow)"/>`,
    );
    if (flow.label) {
      const mx = back ? (x1 + x2) / 2 : (x1 + x2) / 2;
      const my = back ? (y1 + y2) / 2 + 82 : (y1 + y2) / 2 - 6;
      const w = 12 + flow.label.length * 7;
      parts.push(
        `<rect x="${mx - w / 2}" y="${my - 13}" width="${w}" height="18" rx="9" fill="#ffffff" stroke="#212b32"/>`,
        textLines(
          [flow.label],
          mx - w / 2 + 6,
          my,
          14,
          'font-size="12" font-weight="700" fill="#212b32"',
        ),
      );
    }
  }
  for (const p of placed.values()) parts.push(stepSvg(p));
  const summary = `${map.steps.length} steps in ${map.lanes.length} swimlanes${map.scope ? `: ${map.scope}` : ''}`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${idPrefix}-drawing" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="${DIAGRAM_FONT}">`,
    `<title id="${idPrefix}-title">${escapeXml(title)}</title>`,
    `<desc id="${idPrefix}-desc">${escapeXml(summary)}. The numbered list gives every step.</desc>`,
    `<defs><marker id="${idPrefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#212b32"/></marker></defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('');
  return { svg, width, height };
}
