/**
 * Reads a request body as UTF-8 text up to a byte limit, for the one route that
 * accepts large bodies (archive import). The declared length is checked before
 * reading, and the bytes actually read are counted while streaming, so a body
 * without a length (chunked) or lying about it is stopped at the limit, not
 * buffered whole.
 */
import type { Context } from 'hono';

export type BodyResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'too_large' | 'not_utf8' };

export async function readLimitedText(c: Context, limit: number): Promise<BodyResult> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > limit) return { ok: false, reason: 'too_large' };
  const body = c.req.raw.body;
  if (!body) return { ok: true, text: '' };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(value);
  }
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)),
    };
  } catch {
    return { ok: false, reason: 'not_utf8' };
  }
}
