/**
 * Export and import over the API:
 *  - `GET /labs/:labId/export?format=docx|pdf|md|html|json|csv|poster|pptx&include=comments,participants,drafts
 *    &sections=summary,problem,…&redact=1|0` for the people who run a lab (facilitators, admins), and
 *    `GET /labs/:labId/export/contents`: what it could include, counted for the export form;
 *  - `GET /items/:itemId/export?format=docx|pdf|md|html|csv` for anyone who may
 *    read or edit the item (reviewers, who only comment, may not take it away);
 *  - `POST /labs/import` with an archive as the body, for people who may create labs.
 * Every export has text that looks like personal data replaced by "[removed]" unless
 * asked with `redact=0` (`server/export/redaction.ts`). Every export is audited.
 * Mounted on the API app by `mountExportRoutes`, behind its authentication and CSRF
 * checks.
 */
import { Api } from '../../../shared/api-routes';
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import { type LabAction, mayCreateLab } from '../../../shared/policy';
import {
  parseSections,
  REPORT_SECTIONS,
  type ReportSection,
} from '../../../shared/report-sections';
import { redactPersonalData } from '../../../shared/personal-data/rules';
import { MAX_ARCHIVE_BYTES } from '../../../shared/schemas/archive';
import type { LabRecord } from '../../../shared/schemas/records';
import { itemRights } from '../../auth/item-access';
import { newId } from '../../auth/secrets';
import { ARCHIVE_IMPORT_PATH, describeBytes } from '../../body-limits';
import {
  ArchiveError,
  parseArchive,
  prepareImport,
  writeImport,
} from '../../export/archive-import';
import type { CommentSource, ReportSources } from '../../export/build-report';
import type { DocReader } from '../../export/doc-reader';
import { exportContents } from '../../export/export-contents';
import {
  CONTENT_TYPES,
  FILE_ENDINGS,
  INCLUDE_OPTIONS,
  type Include,
  ITEM_FORMATS,
  LAB_FORMATS,
  type LabFormat,
} from '../../export/export-formats';
import { readLimitedText } from '../../export/limited-body';
import { exportRules, redactingSources, redactLab } from '../../export/redaction';
import { safeFileName } from '../../export/safe-text';
import { VersionNotFound, versionDoc } from '../../history/history-queries';
import { presentLab } from '../../presenters';
import type { DocStore } from '../../store/doc-store';
import { type ApiContext, type AppEnv, audit, requireAuth, requireLab } from '../context';
import { reply } from '../reply';
import { ApiError, Errors } from '../errors';

/** Reading, building and rendering exports, loaded on the first export (see the module). */
const exportBodies = () => import('../../export/export-bodies');

export interface ExportDeps {
  /** Reads item documents (from the DocStore: `createDocReader(store)`). */
  readonly reader: DocReader;
  /** Where imported documents are written. */
  readonly store: DocStore;
  /** Reviewers' comments for reports; without it a report asked for comments says there are none. */
  readonly comments?: CommentSource;
  /** Largest archive accepted by import, in bytes; 50 MB by default. */
  readonly maxArchiveBytes?: number;
  /** Told how long each export took to build (for `/metrics`). */
  readonly observe?: (scope: 'lab' | 'item', format: string, seconds: number) => void;
}

/**
 * Exports are for the people who run a lab: those who may change its settings
 * (facilitators and admins). A dedicated `lab.export` action in `shared/policy.ts`
 * would say so by name.
 */
const EXPORT_LAB: LabAction = 'lab.update';

const badRequest = (code: string, message: string) => new ApiError(400, code, message);

function queryFormat<F extends string>(c: ApiContext, formats: readonly F[]): F {
  const format = c.req.query('format') ?? '';
  const parsed = z.enum(formats as [F, ...F[]]).safeParse(format);
  if (!parsed.success) {
    throw badRequest('invalid_format', `Choose a format: ${formats.join(', ')}.`);
  }
  return parsed.data;
}

function queryInclude(c: ApiContext): Include {
  const asked = (c.req.query('include') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const unknown = asked.filter((part) => !(INCLUDE_OPTIONS as readonly string[]).includes(part));
  if (unknown.length > 0) {
    throw badRequest('invalid_include', `"include" may list: ${INCLUDE_OPTIONS.join(', ')}.`);
  }
  return {
    comments: asked.includes('comments'),
    participants: asked.includes('participants'),
    drafts: asked.includes('drafts'),
  };
}

/** `redact=0` keeps text that looks like personal data; anything else (or nothing) removes it. */
function queryRedact(c: ApiContext): boolean {
  const asked = c.req.query('redact');
  if (asked === undefined || asked === '1' || asked === 'true') return true;
  if (asked === '0' || asked === 'false') return false;
  throw badRequest('invalid_redact', '"redact" is 1 (remove personal data) or 0 (keep it).');
}

function querySections(c: ApiContext): readonly ReportSection[] {
  const text = c.req.query('sections');
  if (text === undefined) return REPORT_SECTIONS;
  const parsed = parseSections(text);
  if ('error' in parsed) throw badRequest('invalid_sections', parsed.error);
  return parsed;
}

function download(c: Context, body: string | Buffer, format: LabFormat, name: string): Response {
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${name}${FILE_ENDINGS[format]}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
}

export function exportRoutes(deps: ExportDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const maxArchiveBytes = deps.maxArchiveBytes ?? MAX_ARCHIVE_BYTES;
  const sources = (c: ApiContext): ReportSources => {
    const { meta, now } = c.get('deps');
    return {
      meta,
      now,
      reader: deps.reader,
      ...(deps.comments ? { comments: deps.comments } : {}),
    };
  };

  /** The sources and lab of an export, redacted unless `redact=0`. */
  const exportSources = (c: ApiContext, lab: LabRecord, redact: boolean) => {
    if (!redact) return { sources: sources(c), lab };
    const rules = exportRules(lab, c.get('deps').now());
    return { sources: redactingSources(sources(c), rules), lab: redactLab(lab, rules) };
  };

  routes.get('/labs/:labId/export', async (c) => {
    const { lab: stored } = requireLab(c, c.req.param('labId'), EXPORT_LAB);
    const format = queryFormat(c, LAB_FORMATS);
    const include = queryInclude(c);
    const sections = querySections(c);
    const redact = queryRedact(c);
    const { sources: from, lab } = exportSources(c, stored, redact);
    const name = safeFileName(lab.title, 'lab');
    const started = performance.now();
    const bodies = await exportBodies();
    const body = await bodies.labExportBody(from, lab, format, include, sections);
    deps.observe?.('lab', format, (performance.now() - started) / 1000);
    const included = Object.entries(include)
      .filter(([, on]) => on)
      .map(([key]) => key)
      .join(',');
    await audit(c, 'export.created', lab.id, { format, include: included, redact });
    return download(c, body, format, name);
  });

  routes.get('/labs/:labId/export/contents', async (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), EXPORT_LAB);
    return reply(c, Api.labs.exportContents, await exportContents(sources(c), lab.id));
  });

  routes.get('/items/:itemId/export', async (c) => {
    const auth = requireAuth(c);
    const { meta } = c.get('deps');
    const stored = meta.getItem(c.req.param('itemId'));
    const storedLab = stored ? meta.getLab(stored.labId) : null;
    const rights = stored ? itemRights(meta, auth.actor, stored) : null;
    if (!stored || !storedLab || rights === null) throw Errors.notFound('That item');
    if (rights === 'comment') throw Errors.forbidden('export this item');
    const format = queryFormat(c, ITEM_FORMATS);
    if (format === 'csv' && stored.kind !== 'measure') {
      throw badRequest('invalid_format', 'Only a measure has data to export as CSV.');
    }
    const redact = queryRedact(c);
    const rules = exportRules(storedLab, c.get('deps').now());
    const { lab } = exportSources(c, storedLab, redact);
    const item = redact ? { ...stored, title: redactPersonalData(stored.title, rules) } : stored;
    const withReader = (reader: DocReader) =>
      redact ? redactingSources({ ...sources(c), reader }, rules) : { ...sources(c), reader };
    const versionId = c.req.query('version');
    const started = performance.now();
    let body: string | Buffer;
    let name = safeFileName(item.title, 'item');
    if (versionId) {
      // An earlier version: the same export, read from the version, saying which it is.
      const { history } = c.get('deps');
      const found = await versionDoc(history, item.id, versionId).catch((error: unknown) => {
        if (error instanceof VersionNotFound) throw Errors.notFound('That version');
        throw error;
      });
      const at = found.version.at;
      const label = {
        name: found.version.name ?? `Saved ${at.slice(0, 16).replace('T', ' ')}`,
        at,
      };
      const reader = { read: async () => found.doc };
      body = await (await exportBodies()).itemExportBody(
        withReader(reader),
        lab,
        item,
        format,
        label,
      );
      name = `${name}-version-${at.slice(0, 10)}`;
    } else {
      body = await (await exportBodies()).itemExportBody(
        withReader(deps.reader),
        lab,
        item,
        format,
      );
    }
    deps.observe?.('item', format, (performance.now() - started) / 1000);
    await audit(c, 'export.created', item.labId, {
      format,
      itemId: item.id,
      redact,
      ...(versionId ? { versionId } : {}),
    });
    return download(c, body, format, name);
  });

  routes.post(ARCHIVE_IMPORT_PATH, async (c) => {
    const auth = requireAuth(c);
    if (!mayCreateLab(auth.actor)) throw Errors.forbidden('create labs');
    const read = await readLimitedText(c, maxArchiveBytes);
    if (!read.ok) {
      throw read.reason === 'too_large'
        ? new ApiError(
            413,
            'archive_too_large',
            `The archive is larger than ${describeBytes(maxArchiveBytes)}.`,
          )
        : badRequest('invalid_archive', 'The file is not a lab archive: it is not UTF-8 text.');
    }
    const { meta, now } = c.get('deps');
    try {
      const archive = parseArchive(read.text);
      const prepared = prepareImport(archive, newId);
      const importDeps = { meta, store: deps.store, now, newId };
      const lab = await writeImport(importDeps, archive, prepared, auth.user);
      await audit(c, 'lab.created', lab.id, { title: lab.title, importedItems: prepared.length });
      return reply(
        c,
        Api.labs.import,
        { lab: presentLab(lab, 'facilitator'), items: prepared.length },
        201,
      );
    } catch (error) {
      if (error instanceof ArchiveError) throw badRequest('invalid_archive', error.message);
      throw error;
    }
  });

  return routes;
}

/** Adds the export routes to the API app (call before the API is mounted on the server). */
export function mountExportRoutes(api: Hono<AppEnv>, deps: ExportDeps): void {
  api.route('/', exportRoutes(deps));
}
