/**
 * Loads an optional peer dependency when it is used, or throws a sentence naming the install command. A shop
 * that never runs the consent log never downloads a database client (PGlite alone is a WASM PostgreSQL).
 */
export async function optionalModule<T>(name: string, load: () => Promise<T>, purpose: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new Error(`The consent log needs "${name}" for ${purpose}: run \`npm install ${name}\`.`, { cause: error });
    }
    throw error;
  }
}
