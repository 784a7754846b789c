/**
 * The format-neutral shape of an exported document: a title and a list of
 * blocks. The layout decides once what a report says and in what order; each
 * renderer (HTML, Markdown, Word, PDF) only decides how a block looks.
 */

import type { ChartView } from '../../shared/charts/chart-view';
import type { MdcIcon } from '../../shared/charts/mdc-icons';
import type { OutlineItem } from './driver-diagram';
import type { Fact, RichDoc } from './report-model';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export type Block =
  | { readonly kind: 'heading'; readonly level: HeadingLevel; readonly text: string }
  /** `meta`: a line about the document itself (when it was exported, what it is part of). */
  | { readonly kind: 'paragraph'; readonly text: string; readonly style?: 'lead' | 'meta' }
  | { readonly kind: 'facts'; readonly facts: readonly Fact[] }
  /** A rich-text section; its own headings are placed below `headingBase`. */
  | { readonly kind: 'rich'; readonly doc: RichDoc; readonly headingBase: HeadingLevel }
  | {
      readonly kind: 'table';
      readonly caption: string;
      readonly head: readonly string[];
      readonly rows: ReadonlyArray<readonly string[]>;
      /**
       * Making Data Count icons drawn before a cell's words, by row then column (null: none);
       * the cell's words name the icon too, so a format that drops pictures loses nothing.
       */
      readonly icons?: ReadonlyArray<ReadonlyArray<MdcIcon | null>>;
    }
  /**
   * An outline; `ordered` numbers its top level (a process map's steps), so the number is the
   * list's own and every format draws it as one: the items' words must not repeat it.
   */
  | { readonly kind: 'list'; readonly items: readonly OutlineItem[]; readonly ordered?: boolean }
  /**
   * A diagram drawn as SVG (`shared/diagrams`): inline in HTML and Markdown, an
   * image in Word, vector drawing in PDF; an outline after it carries it in words.
   */
  | {
      readonly kind: 'figure';
      readonly svg: string;
      readonly width: number;
      readonly height: number;
      readonly title: string;
      readonly description: string;
    }
  | { readonly kind: 'chart'; readonly chart: ChartView }
  | { readonly kind: 'quote'; readonly text: string };

export interface ReportDocument {
  readonly title: string;
  readonly blocks: readonly Block[];
}

/** A heading level below `level`, never deeper than 6. */
export function below(level: HeadingLevel, by = 1): HeadingLevel {
  return Math.min(6, level + by) as HeadingLevel;
}
