import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { processRunning, removeStaleTemps } from './atomic-write.js';
import { UserError } from './user-error.js';

// A lock file beside a file being written: a second run at once is told so, rather than both
// writing. The lock holds the holder's process id and a token no other lock has.
//
// A lock left by a process that no longer runs (killed, crashed) is taken over, atomically: the
// process that takes it over first claims that very lock, by creating a file named after its
// token with O_EXCL. Only one process can make that claim, so only one removes the stale lock;
// every other one finds the claim made, or the lock gone or new, and looks again. A claim left
// by a process killed while it took over is passed over the same way, one generation up.

const ATTEMPTS = 200;
/** While another process takes a stale lock over (microseconds), wait this long and look again. */
const PAUSE_MS = 2;

export async function withLock<T>(target: string, shown: string, work: () => Promise<T>): Promise<T> {
  const dir = dirname(target);
  const lock = join(dir, `.${basename(target)}.lock`);
  // A folder made only to hold the lock is removed with it, if nothing else was written there.
  const made = mkdirSync(dir, { recursive: true });
  let token: string;
  try {
    token = acquire(lock, shown);
  } catch (error) {
    // A full disk or a folder not to be written: said of the file that was to be written.
    const failed = error as NodeJS.ErrnoException;
    if (failed.code !== undefined) failed.path = target;
    throw error;
  }
  removeStaleTemps(target);
  try {
    return await work();
  } finally {
    release(lock, token);
    if (made) {
      try {
        rmdirSync(made);
      } catch {
        /* the folder now holds the snapshot */
      }
    }
  }
}

/** The process writing `target` right now, if one is: to say so before work that would need the lock. */
export function lockHolder(target: string): number | undefined {
  const held = readIfThere(join(dirname(target), `.${basename(target)}.lock`));
  const holder = held === undefined ? undefined : holderOf(held);
  return holder !== undefined && holder !== process.pid && processRunning(holder) ? holder : undefined;
}

function acquire(lock: string, shown: string): string {
  const token = `${process.pid} ${randomBytes(8).toString('hex')}\n`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createWhole(lock, token)) {
      removeDeadClaims(lock);
      return token;
    }
    const held = readIfThere(lock);
    if (held === undefined) continue; // released or taken over meanwhile: try again at once
    const holder = holderOf(held);
    if (holder !== undefined && holder !== process.pid && processRunning(holder)) {
      throw new UserError(`another aiclaim (process ${holder}) is writing ${shown} right now`, { hint: 'run again when it has finished; nothing was written' });
    }
    if (!takeOver(lock, held)) pause();
  }
  throw new UserError(`could not lock ${shown} for writing`, { hint: 'run again' });
}

/**
 * Removes the stale lock whose content is `held`, if this process is the one to claim it. False
 * when another live process holds the claim: it is taking the lock over right now.
 */
function takeOver(lock: string, held: string): boolean {
  const id = createHash('sha256').update(held).digest('hex').slice(0, 16);
  for (let generation = 0; ; generation++) {
    const claim = `${lock}.${id}.${generation}.claim`;
    if (!createWhole(claim, `${process.pid}\n`)) {
      const claimant = holderOf(readIfThere(claim) ?? '');
      if (claimant !== undefined && claimant !== process.pid && processRunning(claimant)) return false;
      continue; // a claim whose maker died: the next generation decides
    }
    try {
      // Only a claimant removes this lock, and a lock's token is never used again: if the lock
      // still holds what was read, it is still the stale one.
      if (readIfThere(lock) === held) rmSync(lock, { force: true });
    } finally {
      rmSync(claim, { force: true });
    }
    return true;
  }
}

/**
 * Creates `path` holding `text`, unless it exists: written to a file of its own, then linked into
 * place, so that no reader ever sees it empty or half written (and takes it for a stale lock).
 */
function createWhole(path: string, text: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.new`;
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    linkSync(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    // A file system without hard links: created exclusively, in one write.
    return createExclusive(path, text);
  } finally {
    rmSync(temp, { force: true });
  }
}

function createExclusive(path: string, text: string): boolean {
  try {
    writeFileSync(path, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Claims left by processes killed while taking a lock over; called holding the lock. */
function removeDeadClaims(lock: string): void {
  const prefix = `${basename(lock)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(lock));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const path = join(dirname(lock), name);
    // A file being linked into place names its maker (it may still be empty); a claim holds it.
    const making = /\.(\d+)\.[0-9a-f]{8}\.new$/.exec(name);
    const maker = making ? holderOf(making[1]!) : name.endsWith('.claim') ? holderOf(readIfThere(path) ?? '') : -1;
    if (maker === -1) continue;
    if (maker === undefined || !processRunning(maker)) rmSync(path, { force: true });
  }
}

/** The lock is removed only if it is still this process's: never another's that took it over. */
function release(lock: string, token: string): void {
  if (readIfThere(lock) === token) rmSync(lock, { force: true });
}

function holderOf(text: string): number | undefined {
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function pause(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);
}
