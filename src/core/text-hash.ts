/**
 * SHA-256 of a text (UTF-8), as lowercase hex, with Web Crypto. Resolves to null where Web Crypto is
 * missing (http pages other than localhost): a record without a hash is honest; a fake one is not.
 */
export async function sha256Hex(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  try {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}
