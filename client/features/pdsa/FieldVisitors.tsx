/** "Alex Smith is editing this", beside a choice or select that others are in. */
import type { Awareness } from 'y-protocols/awareness';
import { setActiveField, useFieldVisitors } from '../../lib/field-presence';

/** The sentence naming who else is in the field, or null when nobody is. */
export function useVisitorNote(awareness: Awareness, fieldKey: string): string | null {
  const visitors = useFieldVisitors(awareness, fieldKey);
  if (visitors.length === 0) return null;
  const names = visitors.map((visitor) => visitor.name).join(', ');
  return `${names} ${visitors.length === 1 ? 'is' : 'are'} editing this`;
}

export function VisitorNote({ note, id }: { note: string | null; id: string }) {
  if (!note) return null;
  return (
    <div className="nhsuk-hint y-field__visitors" id={id}>
      {note}
    </div>
  );
}

/** Focus and blur handlers that tell others which field this person is in. */
export function presenceHandlers(awareness: Awareness, fieldKey: string) {
  return {
    onFocus: () => setActiveField(awareness, fieldKey),
    onBlur: () => setActiveField(awareness, null),
  };
}
