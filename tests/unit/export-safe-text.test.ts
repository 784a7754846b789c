/**
 * People's text stays inert in every export format: escaping for HTML and
 * Markdown, links kept only with web or mail addresses, CSV formulas
 * neutralised and quoted per RFC 4180, characters a .docx cannot hold removed,
 * file names safe in a header, and PDF text showable in the built-in font.
 */
import { describe, expect, it } from 'vitest';
import { csvField, neutralise, renderMeasuresCsv } from '../../server/export/render-csv';
import type { MeasureReport } from '../../server/export/report-model';
import {
  cleanText,
  escapeHtml,
  escapeMarkdown,
  markdownCell,
  markdownCode,
  safeFileName,
  safeHref,
} from '../../server/export/safe-text';

describe('safe text for exports', () => {
  it('escapes HTML markup and attribute quotes', () => {
    expect(escapeHtml(`<script>alert("1")</script> & 'x'`)).toBe(
      '&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;',
    );
  });

  it('keeps only http(s) and mailto links, dropping javascript:, data: and relative ones', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('mailto:team@example.org')).toBe('mailto:team@example.org');
    expect(safeHref('mailto:team@example.org', 'web')).toBeNull();
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      '\u0001javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '/relative/path',
      '',
      null,
      42,
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });

  it('escapes Markdown so text renders as itself', () => {
    expect(escapeMarkdown('[x](javascript:alert(1)) <b>*a*_b_ `c` | ~d~ &amp;')).toBe(
      '\\[x\\]\\(javascript:alert\\(1\\)\\) \\<b\\>\\*a\\*\\_b\\_ \\`c\\` \\| \\~d\\~ \\&amp;',
    );
    expect(escapeMarkdown('# not a heading\n- not a list\n1. not numbered')).toBe(
      '\\# not a heading\n\\- not a list\n1\\. not numbered',
    );
    expect(escapeMarkdown('6.1 per 1,000', 'inline')).toBe('6.1 per 1,000');
    expect(markdownCell('a | b\nc')).toBe('a \\| b c');
    expect(markdownCode('a `b` c')).toBe('``a `b` c``');
  });

  it('removes characters XML cannot hold and normalises line ends', () => {
    expect(cleanText('a\u0000b\u0008c\u000bd\r\ne\rf\tg\uD800h\uFFFEi😀')).toBe(
      'abcd\ne\nf\tgh' + 'i😀',
    );
  });

  it('neutralises spreadsheet formulas and quotes CSV fields per RFC 4180', () => {
    expect(neutralise('=HYPERLINK("http://evil","x")')).toBe(`'=HYPERLINK("http://evil","x")`);
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(neutralise(`${start}1+1`)).toBe(`'${start}1+1`);
    }
    expect(neutralise('Rounding cycle 2')).toBe('Rounding cycle 2');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
  });

  it('writes one CSV row per point, numbers as numbers, with CRLF line ends', () => {
    const measure = {
      kind: 'measure',
      id: 'm',
      title: '=cmd|calc',
      facts: [],
      sections: [],
      unit: '',
      rules: 'ihi',
      chart: null,
      points: [
        {
          period: '2026-01',
          value: -2.5,
          note: '=HYPERLINK("http://evil","x")',
          excluded: null,
          rebase: null,
        },
        { period: '2026-02', value: null, note: 'no data, "missed"', excluded: null, rebase: null },
      ],
    } satisfies MeasureReport;
    expect(renderMeasuresCsv([measure])).toBe(
      '\uFEFFmeasure,period,value,note\r\n' +
        `'=cmd|calc,2026-01,-2.5,"'=HYPERLINK(""http://evil"",""x"")"\r\n` +
        `'=cmd|calc,2026-02,,"no data, ""missed"""\r\n`,
    );
  });

  it('makes file names from titles that are safe in a header', () => {
    expect(safeFileName('Ward 7: "falls" lab / 2026', 'lab')).toBe('ward-7-falls-lab-2026');
    expect(safeFileName('Gwella’r ŵyl', 'lab')).toBe('gwella-r-wyl');
    expect(safeFileName('"; rm -rf', 'lab')).toBe('rm-rf');
    expect(safeFileName('***', 'lab')).toBe('lab');
    expect(safeFileName('x'.repeat(200), 'lab')).toHaveLength(60);
  });
});
