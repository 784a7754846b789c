/**
 * Deleting an item's old versions over the real server: later versions stay readable,
 * with the text they show, and text deleted before the oldest kept version is gone
 * from the history files too.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fieldText, readFields } from '../../shared/documents/item-doc';
import { segmentsText } from '../../shared/history/diff-model';
import type {
  ComparisonResponse,
  VersionListResponse,
  VersionSummary,
} from '../../shared/schemas/history';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace } from '../helpers/workspace';

describe('deleting old versions', () => {
  it('keeps later versions readable, text they show included, and drops text deleted before them', async () => {
    let clock = Date.UTC(2026, 2, 1, 9);
    const workspace = await startTestWorkspace({ now: () => new Date(clock) });
    const clients: StockClient[] = [];
    try {
      const owner = workspace.owner;
      const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
        const response = await fetch(`${workspace.url}/api${path}`, {
          method,
          headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
        return (await response.json()) as T;
      };
      const { item } = await api<{ item: { id: string } }>(
        'POST',
        `/labs/${workspace.labId}/items`,
        {
          kind: 'pdsa',
          title: 'Cycle',
        },
      );
      const a = connectStockClient(workspace.url, item.id, workspace.auth());
      const b = connectStockClient(workspace.url, item.id, workspace.auth());
      clients.push(a, b);
      await Promise.all([a.whenSynced(), b.whenSynced()]);
      const stored = (text: string) =>
        waitForDoc(
          b.doc,
          'the edit to be stored',
          () => readFields(b.doc, 'pdsa').objective === text,
        );
      fieldText(a.doc, 'objective').insert(0, 'secret');
      await stored('secret');
      await api('POST', `/items/${item.id}/versions`, { name: 'March 1' });
      clock = Date.UTC(2026, 2, 3, 9);
      fieldText(a.doc, 'objective').delete(0, 6);
      fieldText(a.doc, 'objective').insert(0, 'kept text');
      await stored('kept text');
      const { version: kept } = await api<{ version: VersionSummary }>(
        'POST',
        `/items/${item.id}/versions`,
        { name: 'March 3' },
      );
      fieldText(a.doc, 'objective').delete(0, 9);
      await stored('');
      const result = await api<{ deleted: number }>(
        'POST',
        `/labs/${workspace.labId}/versions/delete-before`,
        {
          before: '2026-03-02',
        },
      );
      expect(result.deleted).toBe(1);
      const { versions } = await api<VersionListResponse>('GET', `/items/${item.id}/versions`);
      // March 3 and any automatic version taken since (the clock jumped past its interval).
      expect(versions.map((v) => v.name)).toContain('March 3');
      expect(versions.map((v) => v.name)).not.toContain('March 1');
      expect(versions.every((v) => v.at >= '2026-03-02')).toBe(true);
      const view = await api<ComparisonResponse>('GET', `/items/${item.id}/versions/${kept.id}`);
      const objective = view.diff.fields.find((f) => f.key === 'objective');
      expect(objective?.type === 'text' && segmentsText(objective.segments, 'after')).toBe(
        'kept text',
      );
      const content = inflateRawSync(
        await readFile(path.join(workspace.dataDir, 'history', `${item.id}.content`)),
      ).toString('latin1');
      expect(content).not.toContain('secret');
      expect(content).toContain('kept text');
    } finally {
      for (const client of clients) client.destroy();
      await workspace.stop();
    }
  });
});
