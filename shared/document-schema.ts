/**
 * Names the editor binds to, kept for the client's note editor. The full set of
 * names and the typed accessors are in `shared/documents/`.
 */
import { sectionName } from './documents/names';

export { DOCUMENT_SCHEMA_VERSION, META_MAP, MetaKey } from './documents/names';

/** The rich-text body of a note: its `body` section. */
export const NOTE_BODY_FIELD = sectionName('body');
