/** A progress bar on a terminal: `update(done)` redraws it at most every 100 ms, `end()` clears it. */
export interface Progress {
  update(done: number): void;
  end(): void;
}

const WIDTH = 30;

/** A bar of `total` steps on `stream` when it is a terminal; nothing at all when it is not (a pipe, a log file). */
export function progressBar(stream: NodeJS.WriteStream, total: number, label: string): Progress {
  if (!stream.isTTY || total <= 0) return { update() {}, end() {} };
  let last = 0;
  const draw = (done: number) => {
    const share = Math.min(1, done / total);
    const filled = Math.round(share * WIDTH);
    stream.write(
      `\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} (${Math.floor(share * 100)}%)`,
    );
  };
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    end() {
      stream.write('\r\x1b[2K');
    },
  };
}
