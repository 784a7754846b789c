/**
 * The server's side of the personal-data guardrail for what it writes itself
 * (comments, replies, "we did" responses): the same rules as the browser, run
 * again, because a client can skip its check. Text with findings is refused (422,
 * with the findings) unless the request says "post anyway" with a reason; then it
 * is written as it is and a flag records who, when, what kinds where, and why.
 */
import { explainFindings, type PersonalDataPlace } from '../../shared/personal-data/explain';
import {
  findPersonalData,
  type PersonalDataFinding,
  type PersonalDataRules,
} from '../../shared/personal-data/rules';
import type { FlaggedSpan, FlagPlace } from '../../shared/schemas/personal-data';
import type { LabRecord } from '../../shared/schemas/records';
import { newId } from '../auth/secrets';
import type { ApiContext } from './context';
import { PersonalDataError } from './errors';

/** The lab's rules today: its hospital number formats, and dates counted from now. */
export function labRules(lab: LabRecord | null, now: Date): PersonalDataRules {
  return {
    hospitalNumberMasks: lab?.hospitalNumberMasks ?? [],
    today: now.toISOString().slice(0, 10),
  };
}

export function spansOf(findings: readonly PersonalDataFinding[]): FlaggedSpan[] {
  return findings.map(({ kind, start, end }) => ({ kind, start, end }));
}

/**
 * Checks `text` before it is written: throws the refusal when it has findings and no
 * reason was given; returns the findings (to flag once written), or none.
 */
export function checkBeforeWriting(
  c: ApiContext,
  labId: string,
  text: string,
  place: PersonalDataPlace,
  acknowledgement: { reason: string } | undefined,
): FlaggedSpan[] {
  const { meta, now } = c.get('deps');
  const findings = findPersonalData(text, labRules(meta.getLab(labId), now()));
  if (findings.length === 0) return [];
  if (!acknowledgement) {
    throw new PersonalDataError(
      explainFindings(
        findings.map((finding) => finding.kind),
        place,
      ),
      spansOf(findings),
    );
  }
  return spansOf(findings);
}

/** Records that `findings` were kept at `place` for the reason given (after the write). */
export async function recordFlag(
  c: ApiContext,
  where: { labId: string; itemId: string; place: FlagPlace },
  findings: readonly FlaggedSpan[],
  reason: string,
): Promise<void> {
  if (findings.length === 0) return;
  const { meta, now } = c.get('deps');
  const userId = c.get('auth')?.user.id;
  if (!userId) return;
  await meta.recordPersonalDataFlag({
    id: newId(),
    ...where,
    userId,
    at: now().toISOString(),
    findings: [...findings],
    reason,
  });
}
