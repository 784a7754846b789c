/**
 * Exports remove personal data: an NHS number written into a lab's challenge, an
 * item's title, a text field, a rich-text section, a measure's note and a comment
 * is in none of the formats (HTML, Markdown, Word, PDF, the poster, the slides, CSV
 * and the JSON archive) unless the export is asked for with `redact=0`, which is
 * audited. Read back with tools that share no code with the exporter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRow, fieldText, initItemDoc } from '../../shared/documents/item-doc';
import { LAB_FORMATS } from '../../server/export/export-formats';
import type { Archive } from '../../shared/schemas/archive';
import { officeFileText, pdfToText } from '../helpers/outside-read';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const NHS_NUMBER = '943 476 5919';
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('exports with personal data removed', () => {
  let workspace: TestWorkspace;
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${workspace.url}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${workspace.owner.token}`,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as Record<string, unknown>;
  };
  const newItem = async (kind: string, title: string) => {
    const created = await api('POST', `/labs/${workspace.labId}/items`, { kind, title });
    const id = (created.item as { id: string }).id;
    await api('PATCH', `/items/${id}`, { sharing: 'final' });
    return id;
  };

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { registry } = workspace.server;
    await api('PATCH', `/labs/${workspace.labId}`, {
      challenge: `How might we stop falls like patient ${NHS_NUMBER}'s?`,
    });
    const problem = await newItem('problem', 'Falls at night');
    await registry.change(problem, (doc) =>
      fieldText(doc, 'what').insert(0, `Patient ${NHS_NUMBER} fell twice on ward 7.`),
    );
    const note = await newItem('note', `Notes on ${NHS_NUMBER}`);
    await registry.change(note, (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`Spoke with the family of ${NHS_NUMBER} today.`)]);
      doc.getXmlFragment('text.body').insert(0, [paragraph]);
    });
    const measure = await newItem('measure', 'Falls per 1,000 bed days');
    await registry.change(measure, (doc) => {
      initItemDoc(doc, 'measure');
      for (const [index, value] of [3, 5, 4].entries()) {
        addRow(doc, 'measure', 'points', `p${index}`, {
          period: `2026-0${index + 1}`,
          value,
          note: index === 1 ? `Fall of ${NHS_NUMBER}` : '',
        });
      }
    });
    await api('POST', `/items/${problem}/comments`, {
      body: `This is about ${NHS_NUMBER}.`,
      personalData: { reason: 'Needed to find the notes' },
    });
  });
  afterAll(async () => {
    await workspace?.stop();
  });

  const exported = async (format: string, redact: boolean | undefined) => {
    const query = `format=${format}&include=comments${redact === false ? '&redact=0' : ''}`;
    const response = await fetch(`${workspace.url}/api/labs/${workspace.labId}/export?${query}`, {
      headers: { authorization: `Bearer ${workspace.owner.token}` },
    });
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    switch (format) {
      case 'pdf':
      case 'poster':
        return flat(pdfToText(body));
      case 'docx':
      case 'pptx':
        return flat(officeFileText(body));
      case 'json': {
        // The archive's documents are Yjs states: their text is what counts.
        const archive = JSON.parse(body.toString('utf8')) as Archive;
        const texts = archive.items.map((item) => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Buffer.from(item.state, 'base64'));
          return JSON.stringify(doc.toJSON());
        });
        return flat([body.toString('utf8'), ...texts].join(' '));
      }
      default:
        return flat(body.toString('utf8'));
    }
  };

  it.each(LAB_FORMATS)(
    '%s holds no NHS number by default, and holds it with redact=0',
    async (format) => {
      const kept = await exported(format, false);
      expect(kept).toContain(NHS_NUMBER);
      const removed = await exported(format, undefined);
      expect(removed).not.toContain(NHS_NUMBER);
      expect(removed).not.toContain('9434765919');
      expect(removed).toContain('[removed]');
    },
  );

  it('removes it from one item’s export too', async () => {
    const [problem] = workspace.server.meta
      .listItems(workspace.labId)
      .filter((item) => item.kind === 'problem');
    const get = async (query: string) =>
      (
        await fetch(`${workspace.url}/api/items/${problem?.id}/export?format=html${query}`, {
          headers: { authorization: `Bearer ${workspace.owner.token}` },
        })
      ).text();
    expect(await get('&redact=0')).toContain(NHS_NUMBER);
    const removed = await get('');
    expect(removed).not.toContain(NHS_NUMBER);
    expect(removed).toContain('Patient [removed] fell twice');
  });

  it('says in the audit trail whether an export was redacted', async () => {
    await exported('html', false);
    const [last] = workspace.server.meta.listAudit(workspace.labId, 1);
    expect(last?.type).toBe('export.created');
    expect(last?.details.redact).toBe(false);
  });

  it('refuses a redact value it does not know', async () => {
    const response = await fetch(
      `${workspace.url}/api/labs/${workspace.labId}/export?format=html&redact=maybe`,
      { headers: { authorization: `Bearer ${workspace.owner.token}` } },
    );
    expect(response.status).toBe(400);
  });
});
