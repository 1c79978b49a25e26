import { mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { processRunning, removeStaleTemps } from './atomic-write.js';
import { UserError } from './user-error.js';

// A lock file beside a file being written: a second run at once is told so, rather than both
// writing. A lock left by a process that no longer runs (killed, crashed) is taken over, and the
// half-written temporary files it left are removed.

export async function withLock<T>(target: string, shown: string, work: () => Promise<T>): Promise<T> {
  const dir = dirname(target);
  const lock = join(dir, `.${basename(target)}.lock`);
  // A folder made only to hold the lock is removed with it, if nothing else was written there.
  const made = mkdirSync(dir, { recursive: true });
  acquire(lock, shown);
  removeStaleTemps(target);
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
    if (made) {
      try {
        rmdirSync(made);
      } catch {
        /* the folder now holds the snapshot */
      }
    }
  }
}

function acquire(lock: string, shown: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lock, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processRunning(holder)) {
        throw new UserError(`another aiclaim (process ${holder}) is writing ${shown} right now`, { hint: 'run again when it has finished; nothing was written' });
      }
      // The process that held the lock is gone: its lock is stale.
      rmSync(lock, { force: true });
    }
  }
  throw new UserError(`could not lock ${shown} for writing`, { hint: 'run again' });
}
