/**
 * A diagram in Word: the SVG itself as the picture (Word 2016 and later draw
 * it as vectors), with a PNG of it for readers that cannot, and the
 * description as the picture's alternative text; a caption under it says the
 * outline that follows gives the same in words.
 */
import { ImageRun, Paragraph } from 'docx';
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
