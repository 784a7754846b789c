/** Documents this browser has opened, newest first, kept in local storage. */
const STORAGE_KEY = 'improvement-lab:recent';
const MAX_RECENT = 20;

export interface RecentDocument {
  readonly id: string;
  readonly title: string;
  readonly openedAt: string;
}

export function loadRecent(storage: Storage): RecentDocument[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter(
      (entry): entry is RecentDocument =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof entry.id === 'string' &&
        typeof entry.title === 'string' &&
        typeof entry.openedAt === 'string',
    );
  } catch {
    return [];
  }
}

export function rememberDocument(storage: Storage, id: string, title: string): void {
  const others = loadRecent(storage).filter((entry) => entry.id !== id);
  const next = [{ id, title, openedAt: new Date().toISOString() }, ...others].slice(0, MAX_RECENT);
  storage.setItem(STORAGE_KEY, JSON.stringify(next));
}

/** A new opaque, URL-safe document id. */
export function newDocumentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 20);
}
