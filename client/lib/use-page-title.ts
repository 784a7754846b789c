/** Sets `document.title` for a page, in the form "Page – Improvement Lab". */
import { useEffect } from 'react';

export const SERVICE_NAME = 'Improvement Lab';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – ${SERVICE_NAME}`;
  }, [title]);
}
