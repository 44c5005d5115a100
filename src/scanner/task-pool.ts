/**
 * Runs tasks a few at a time, the urgent ones first; tasks may add tasks. `idle()` resolves once every task added
 * so far, and every task those added, has finished. A task that throws is the caller's to catch: the pool only
 * keeps running.
 */
export function createTaskPool(size: number) {
  const queues: (() => Promise<void>)[][] = [[], []];
  let running = 0;
  let waiting: (() => void)[] = [];
  const next = () => {
    while (running < size) {
      const task = queues[0]?.shift() ?? queues[1]?.shift();
      if (!task) break;
      running++;
      void task()
        .catch(() => undefined)
        .finally(() => {
          running--;
          next();
        });
    }
    if (running === 0 && queues.every((queue) => queue.length === 0)) {
      const done = waiting;
      waiting = [];
      for (const resolve of done) resolve();
    }
  };
  return {
    /** Adds a task; `urgent` ones run before every other waiting one. */
    add(task: () => Promise<void>, urgent = false): void {
      queues[urgent ? 0 : 1]?.push(task);
      queueMicrotask(next);
    },
    idle(): Promise<void> {
      return new Promise((resolve) => {
        waiting.push(resolve);
        queueMicrotask(next);
      });
    },
  };
}
