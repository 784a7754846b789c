/**
 * A diagram in Word: the SVG itself as the picture (Word 2016 and later draw
 * it as vectors), with a PNG of it for readers that cannot, and the
 * description as the picture's alternative text; a caption under it says the
 * outline that follows gives the same in words. Making Data Count's icons go into table cells
 * the same way.
 */
import { ImageRun, Paragraph } from 'docx';
import { iconSvg, iconText, type MdcIcon } from '../../shared/charts/mdc-icons';
import type { Block } from './blocks';
import { figurePng } from './figure-render';

/** The width of an A4 page's text in Word's default margins, in pixels at 96 per inch. */
const PAGE_WIDTH_PX = 600;

export function docxFigure(block: Extract<Block, { kind: 'figure' }>): Paragraph[] {
  const scale = Math.min(1, PAGE_WIDTH_PX / block.width);
  const size = { width: Math.round(block.width * scale), height: Math.round(block.height * scale) };
  const image = new ImageRun({
    type: 'svg',
    data: Buffer.from(block.svg, 'utf8'),
    fallback: { type: 'png', data: figurePng(block.svg, block.width) },
    transformation: size,
    altText: { name: block.title, title: block.title, description: block.description },
  });
  return [
    new Paragraph({ children: [image], keepNext: true }),
    new Paragraph({ style: 'Caption', text: block.description }),
  ];
}

/** Icon pictures in Word, in points square (the size of two lines of text). */
const ICON_PX = 28;
const iconPngs = new Map<string, Buffer>();

/**
 * A Making Data Count icon as a picture in a table cell, its name as the alternative text; the
 * PNG fallback of each icon is drawn once per process (there are only a handful).
 */
export function docxIcon(icon: MdcIcon): ImageRun {
  const svg = iconSvg(icon, ICON_PX);
  let png = iconPngs.get(svg);
  if (!png) {
    png = figurePng(svg, ICON_PX);
    iconPngs.set(svg, png);
  }
  const text = iconText(icon);
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(svg, 'utf8'),
    fallback: { type: 'png', data: png },
    transformation: { width: ICON_PX, height: ICON_PX },
    altText: { name: text, title: text, description: text },
  });
}
