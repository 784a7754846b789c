/**
 * The personal-data check beside an item's text field or rich-text section. They
 * are live and collaborative, so nothing is ever blocked: when the person leaves
 * the field, or stops typing for a moment, what looks like personal data is
 * explained beside it with "Remove it" (deletes those characters from the shared
 * text) and "Keep it, with a reason" (recorded for the lab's facilitators; that
 * text is not warned about again on this page). A section is read paragraph by
 * paragraph, as the server reads it.
 */
import { type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { plainText, textsIn } from '../../shared/personal-data/doc-text';
import {
  findPersonalData,
  type PersonalDataFinding,
  type PersonalDataRules,
} from '../../shared/personal-data/rules';
import { FieldTargetSchema } from '../../shared/schemas/personal-data';
import { PersonalDataNotice } from './PersonalDataNotice';
import { PersonalDataContext } from './personal-data';

/** How long after the last keystroke the field is checked. */
const PAUSE_MS = 1500;

type Watched = Y.Text | Y.XmlFragment;

function findingsIn(type: Watched, rules: PersonalDataRules) {
  return textsIn(type).flatMap((text) =>
    findPersonalData(plainText(text), rules).map((finding) => ({ ...finding, in: text })),
  );
}

export function useFieldGuard(
  text: Watched,
  target: string,
  editable: boolean,
): { check(): void; notice: ReactNode } {
  const guard = useContext(PersonalDataContext);
  const [findings, setFindings] = useState<PersonalDataFinding[]>([]);
  const [said, setSaid] = useState('');
  // Texts kept with a reason on this page: not warned about again.
  const kept = useRef(new Set<string>());
  const active = guard !== null && editable;

  const check = useCallback(() => {
    if (!guard || !editable) return;
    const found = findingsIn(text, guard.rules).filter(
      (finding) => !kept.current.has(finding.text),
    );
    setFindings(found);
  }, [guard, editable, text]);

  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = (_events: unknown, transaction: Y.Transaction) => {
      if (!transaction.local) return;
      clearTimeout(timer);
      timer = setTimeout(check, PAUSE_MS);
    };
    text.observeDeep(observer);
    return () => {
      clearTimeout(timer);
      text.unobserveDeep(observer);
    };
  }, [active, text, check]);

  const flagField = guard?.flagField;
  const mayKeep = flagField !== undefined && FieldTargetSchema.safeParse(target).success;
  const notice =
    active && (findings.length > 0 || said) ? (
      <>
        <p className="nhsuk-u-visually-hidden" role="status">
          {said}
        </p>
        {findings.length > 0 && (
          <PersonalDataNotice
            findings={findings}
            place="field"
            keepLabel="Keep it, with a reason"
            confirmLabel="Keep it"
            onRemove={() => {
              const shown = new Set(findings.map((finding) => finding.text));
              const now = findingsIn(text, guard.rules);
              text.doc?.transact(() => {
                // Last first, so each deletion leaves the offsets before it as they were.
                for (const finding of now.reverse()) {
                  if (shown.has(finding.text))
                    finding.in.delete(finding.start, finding.end - finding.start);
                }
              });
              setFindings([]);
              setSaid('Removed from the text.');
            }}
            onKeep={async (reason) => {
              if (!mayKeep) throw new Error('This text cannot be kept with a reason here.');
              await flagField(target, reason);
              for (const finding of findings) kept.current.add(finding.text);
              setFindings([]);
              setSaid('Kept. The lab’s facilitators can see your reason.');
            }}
          />
        )}
      </>
    ) : null;
  return { check, notice };
}
