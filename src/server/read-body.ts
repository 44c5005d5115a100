/** The body's text, or why it cannot be read: too large, or not UTF-8. */
export type BodyText = { readonly text: string } | { readonly error: 'too-large' | 'not-utf8' };

/**
 * Reads a request's body up to `limit` bytes, counting as it reads: a Content-Length that lies, or none at
 * all (chunked), never makes the server hold more than the limit. Stops reading once past it.
 */
export async function readBody(request: Request, limit: number): Promise<BodyText> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return { error: 'too-large' };
  if (!request.body) return { text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { error: 'too-large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: 'not-utf8' };
  }
}
