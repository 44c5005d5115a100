import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK = 'consent-log.lock';

/** Whether a process of this id runs (on this machine). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Takes the embedded database's directory for this process, or throws a sentence naming the process that
 * has it. PGlite keeps no lock of its own: two processes on one directory would each append to their own
 * idea of the chain (a fork) and could corrupt the files. A lock left by a process that no longer runs is
 * taken over. Resolves to the function that gives the directory back.
 */
export async function lockDirectory(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isSafeInteger(pid) && pid > 0 && alive(pid)) {
        throw new Error(
          `The consent log in ${dir} is open in process ${pid}${pid === process.pid ? ' (this one)' : ''}: close it first (stop \`consent-log serve\` or the shop's server), or use PostgreSQL (\`database\`) for several processes.`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new Error(`The consent log cannot lock ${dir}.`);
}
