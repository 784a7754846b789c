/**
 * Exports with personal data redacted (`redact`, on unless `redact=0`): every text
 * the rules take for patient-identifiable data (the lab's hospital number formats
 * included) is replaced by "[removed]" before any renderer sees it, so every format
 * says the same: the report formats, the poster and slides, the CSV and the JSON
 * archive. Done on the export's own copies: each item's document as read, the
 * registry's titles, the lab's title and challenge, the comments and the evaluation survey's
 * free-text answers.
 */
import { redactDocument } from '../../shared/personal-data/doc-text';
import {
  type PersonalDataRules,
  REDACTED,
  redactPersonalData,
} from '../../shared/personal-data/rules';
import type { ItemRecord, LabRecord } from '../../shared/schemas/records';
import type { MetaStore } from '../store/meta-store';
import type { ReportSources } from './build-report';

/** The lab's rules for an export made at `now`. */
export function exportRules(lab: LabRecord, now: Date): PersonalDataRules {
  return {
    hospitalNumberMasks: lab.hospitalNumberMasks ?? [],
    today: now.toISOString().slice(0, 10),
  };
}

function redactText(text: string, rules: PersonalDataRules): string {
  return redactPersonalData(text, rules, REDACTED);
}

export function redactLab(lab: LabRecord, rules: PersonalDataRules): LabRecord {
  return {
    ...lab,
    title: redactText(lab.title, rules),
    challenge: redactText(lab.challenge, rules),
  };
}

function redactItem<T extends ItemRecord | null>(item: T, rules: PersonalDataRules): T {
  return item === null ? item : { ...item, title: redactText(item.title, rules) };
}

/** The registry as the export reads it, its items' titles redacted; everything else as it is. */
function redactingMeta(meta: MetaStore, rules: PersonalDataRules): MetaStore {
  const view: MetaStore = Object.create(meta);
  view.listItems = (labId) => meta.listItems(labId).map((item) => redactItem(item, rules));
  view.getItem = (id) => redactItem(meta.getItem(id), rules);
  // Survey answers written in words (free text) can name a patient like any other text.
  view.listSurveyResponses = (labId) =>
    meta.listSurveyResponses(labId).map((response) => ({
      ...response,
      answers: Object.fromEntries(
        Object.entries(response.answers).map(([id, answer]) => [
          id,
          typeof answer === 'string' ? redactText(answer, rules) : answer,
        ]),
      ),
    }));
  view.getLab = (id) => {
    const lab = meta.getLab(id);
    return lab === null ? null : redactLab(lab, rules);
  };
  return view;
}

export function redactingSources(sources: ReportSources, rules: PersonalDataRules): ReportSources {
  const { comments } = sources;
  return {
    ...sources,
    meta: redactingMeta(sources.meta, rules),
    reader: {
      async read(docId) {
        const doc = await sources.reader.read(docId);
        redactDocument(doc, rules, REDACTED);
        return doc;
      },
    },
    ...(comments
      ? {
          comments: async (labId, itemIds) =>
            (await comments(labId, itemIds)).map((comment) => ({
              ...comment,
              body: redactText(comment.body, rules),
              quote: comment.quote === null ? null : redactText(comment.quote, rules),
              response: comment.response === null ? null : redactText(comment.response, rules),
            })),
        }
      : {}),
  };
}
