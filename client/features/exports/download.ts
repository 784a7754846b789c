/**
 * Fetches an export and hands it to the browser as a download, reporting bytes
 * received as it goes (large labs take a moment). Errors carry the server's
 * sentence.
 */
export interface DownloadProgress {
  readonly received: number;
}

export class ExportFailedError extends Error {
  override readonly name = 'ExportFailedError';
}

function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? '');
  return match?.[1] ?? fallback;
}

async function readBody(
  response: Response,
  onProgress: (p: DownloadProgress) => void,
): Promise<Blob> {
  const reader = response.body?.getReader();
  if (!reader) return response.blob();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received });
  }
  return new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? '' });
}

export async function downloadExport(
  url: string,
  fallbackName: string,
  onProgress: (progress: DownloadProgress) => void,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ExportFailedError('Could not reach the server. Check your connection and try again.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { message?: string };
    } | null;
    throw new ExportFailedError(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  const name = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  const blob = await readBody(response, onProgress);
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download; the object URL is no longer needed after this turn.
  queueMicrotask(() => URL.revokeObjectURL(href));
  return name;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
