/** A one-line progress bar on a terminal (stderr), redrawn in place; nothing at all when it is not a terminal. */
export function progressBar(stream: { isTTY?: boolean; columns?: number; write(text: string): unknown }) {
  const shown = stream.isTTY === true;
  let last = '';
  return {
    update({ done, total, pages }: { done: number; total: number; pages: number }): void {
      if (!shown) return;
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      const line = `scanning [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} visits, ${pages} pages`;
      if (line === last) return;
      last = line;
      stream.write(`\r${line.slice(0, (stream.columns ?? 80) - 1)}\u001b[K`);
    },
    /** Clears the line, so the report starts on a clean one. */
    done(): void {
      if (shown && last !== '') stream.write('\r\u001b[K');
    },
  };
}
