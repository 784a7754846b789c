/**
 * The JSON archive of a lab: its settings, every item's registry entry with its
 * whole document state (archived items too, so an import restores the lab as
 * it was; drafts only when asked for), and, when asked for, who took part and
 * reviewers' comments. Members are names, professions and roles only: never an
 * email, id or password hash.
 */
import * as Y from 'yjs';
import { META_MAP, MetaKey } from '../../shared/documents/names';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type Archive,
  type ArchiveMember,
} from '../../shared/schemas/archive';
import type { LabRecord } from '../../shared/schemas/records';
import type { MetaStore } from '../store/meta-store';
import type { ReportSources } from './build-report';
import { withDoc } from './doc-reader';
import type { Include } from './export-formats';

function members(meta: MetaStore, labId: string): ArchiveMember[] {
  return meta.listMembers(labId).map((membership) => {
    const user = meta.getUser(membership.userId);
    return {
      name: user?.name ?? 'Former member',
      profession: user?.profession ?? 'other',
      role: membership.role,
    };
  });
}

export async function buildArchive(
  sources: ReportSources,
  lab: LabRecord,
  include: Include,
): Promise<Archive> {
  const records = sources.meta
    .listItems(lab.id)
    .filter((item) => include.drafts || item.sharing !== 'draft')
    .sort((a, b) => a.order - b.order);
  const items = await Promise.all(
    records.map(async (record) => ({
      record: {
        id: record.id,
        kind: record.kind,
        title: record.title,
        status: record.status,
        sharing: record.sharing,
        order: record.order,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        archivedAt: record.archivedAt,
      },
      state: await withDoc(sources.reader, record.id, (doc) => {
        // The registry decides an item's kind (a room puts a wrong `meta.kind` right when
        // it loads): say the same in the archive, so a damaged document still imports.
        const meta = doc.getMap(META_MAP);
        if (meta.has(MetaKey.Kind) && meta.get(MetaKey.Kind) !== record.kind)
          meta.set(MetaKey.Kind, record.kind);
        return Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
      }),
    })),
  );
  const comments =
    include.comments && sources.comments
      ? await sources.comments(
          lab.id,
          records.map((record) => record.id),
        )
      : include.comments
        ? []
        : undefined;
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: sources.now().toISOString(),
    lab: {
      id: lab.id,
      title: lab.title,
      challenge: lab.challenge,
      phase: lab.phase,
      startDate: lab.startDate,
      endDate: lab.endDate,
      createdAt: lab.createdAt,
    },
    items,
    members: include.participants ? members(sources.meta, lab.id) : [],
    ...(comments ? { comments } : {}),
  };
}
