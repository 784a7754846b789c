/**
 * The demo's special interest group: on the demo lab's topic, organised by one of the
 * demo people, with several more as members, the first administrator among them (so
 * they can open its notes), one request waiting, and shared notes two members wrote.
 * Their notes count as working together, as they would had they typed them.
 */
import * as Y from 'yjs';
import { DEMO_LAB } from '../../shared/demo';
import { GROUP_NOTES_FIELD, groupNotesDocId } from '../../shared/network/groups';
import type { GroupMemberRecord } from '../../shared/schemas/group';
import type { DocStore } from '../store/doc-store';
import type { MetaStore } from '../store/meta-store';

export const DEMO_GROUP = {
  id: 'demo-group-falls',
  name: 'Falls prevention network',
  topic: DEMO_LAB.topic,
  description:
    'Nurses, doctors, therapists, pharmacists and patients across trusts sharing what reduces falls on wards, and what did not.',
  joinPolicy: 'open',
} as const;

const MEMBERS = ['demo-ben', 'demo-chloe', 'demo-gareth', 'demo-eleanor'] as const;
const ORGANISER = 'demo-amara';
/** Asked to join once the group was open to all; kept to show an organiser's list. */
const REQUESTED = 'demo-farah';
/** The two who wrote the notes. */
const WRITERS = ['demo-amara', 'demo-gareth'] as const;

const NOTES = [
  'What has worked elsewhere',
  'Low beds and floor mats on bays where patients were found on the floor at night (Ward 7, Glenford).',
  'Lying and standing blood pressure before the first mobilisation after admission.',
  'Questions to bring to the next call: how do you keep hourly rounding from waking people?',
] as const;

function notesUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(GROUP_NOTES_FIELD);
  fragment.insert(
    0,
    NOTES.map((text, index) => {
      const element = new Y.XmlElement(index === 0 ? 'heading' : 'paragraph');
      // y-prosemirror keeps node attributes with their JSON types; a heading's level is a number.
      if (index === 0) element.setAttribute('level', 2 as unknown as string);
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    }),
  );
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export async function seedDemoGroup(
  meta: MetaStore,
  store: DocStore,
  adminId: string,
  at: string,
): Promise<void> {
  const place = (userId: string, overrides: Partial<GroupMemberRecord> = {}) => ({
    groupId: DEMO_GROUP.id,
    userId,
    role: 'member' as const,
    state: 'member' as const,
    since: at,
    ...overrides,
  });
  if (meta.getGroup(DEMO_GROUP.id) === null) {
    await meta.createGroup(
      { ...DEMO_GROUP, createdAt: at, createdBy: ORGANISER },
      place(ORGANISER, { role: 'organiser' }),
    );
    for (const userId of MEMBERS) await meta.addGroupMember(place(userId));
    await meta.addGroupMember(place(REQUESTED, { state: 'requested' }));
    const docId = groupNotesDocId(DEMO_GROUP.id);
    if ((await store.load(docId)).length === 0) await store.append(docId, notesUpdate()).durable;
    await store.release(docId);
    for (const userId of WRITERS) {
      await meta.recordContribution({ labId: DEMO_GROUP.id, itemId: docId, userId, firstAt: at });
    }
  }
  await meta.addGroupMember(place(adminId));
}
