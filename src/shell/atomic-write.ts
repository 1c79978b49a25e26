import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, readdirSync, realpathSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { specialKind } from './read-input.js';
import { UserError } from './user-error.js';

// Every write goes to a temporary file beside the target, is flushed to disk, then renamed over
// it: a crash leaves either the old file or the new one, never half of either. A file replaced
// keeps its permissions (and its owner, where the process may set it); a link is followed and the
// file it points at is replaced; a device, a FIFO or a socket is never replaced by a plain file.

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

const swept = new Set<string>();

/**
 * Removes what writers killed mid-write left in the folder of `path` (a snapshot, a cache entry,
 * whatever its name). Only the temporary files of processes no longer running are touched, so it
 * is safe without a lock.
 */
export function removeStaleTemps(path: string): void {
  const dir = dirname(path);
  // Once per folder and process: an import writes thousands of files into one folder.
  if (swept.has(dir)) return;
  swept.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !processRunning(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

export function processRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What the write replaces: the real path behind any link, and the mode and owner to keep. */
interface Replaced {
  path: string;
  existing?: Stats | undefined;
}

function replaced(path: string): Replaced {
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    return { path };
  }
  const existing = statSync(real);
  if (existing.isDirectory()) throw new UserError(`${path} is a folder, not a file`, { hint: 'give the path of a file to write' });
  if (!existing.isFile())
    throw new UserError(`${path} is ${specialKind(existing)}: aiclaim writes only regular files and does not replace it`, {
      hint: 'give the path of a file to write',
    });
  return { path: real, existing };
}

/** Sets the new file's mode and owner to the old file's: the umask and the temporary name would not. */
function keepMode(fd: number, existing: Stats | undefined): void {
  if (!existing) return;
  fchmodSync(fd, existing.mode & 0o7777);
  if (typeof process.getuid === 'function' && (process.getuid() === 0 || process.getuid() === existing.uid)) {
    try {
      fchownSync(fd, existing.uid, existing.gid);
    } catch {
      /* a group the user is not in: the mode is kept, the group is the user's */
    }
  }
}

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const target = replaced(path);
  const dir = dirname(target.path);
  await mkdir(dir, { recursive: true });
  removeStaleTemps(target.path);
  const temp = tempPath(target.path);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      keepMode(handle.fd, target.existing);
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target.path);
  } catch (error) {
    await rm(temp, { force: true });
    throw withPath(error, target.path);
  }
  await syncDirectory(dir);
}

/** A write to a nearly full disk may take fewer bytes than given: the rest is written, or it throws. */
function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** A failed write or flush names no file: it is the target's. */
function withPath(error: unknown, path: string): unknown {
  const failed = error as NodeJS.ErrnoException;
  if (failed instanceof Error && failed.code !== undefined && failed.path === undefined) failed.path = path;
  return error;
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename itself durable; not every platform allows opening a folder, so best effort.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* the data is written; only the directory entry's durability is unconfirmed */
  }
}

/** The same, for a file too large to hold as one string: `fill` writes it piece by piece, as text or UTF-8 bytes. */
export async function writeFileAtomicStream(path: string, fill: (write: (data: string | Uint8Array) => void) => void): Promise<void> {
  const target = replaced(path);
  const dir = dirname(target.path);
  await mkdir(dir, { recursive: true });
  removeStaleTemps(target.path);
  const temp = tempPath(target.path);
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      keepMode(fd, target.existing);
      fill((data) => writeAll(fd, data));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    await rename(temp, target.path);
  } catch (error) {
    await rm(temp, { force: true });
    throw withPath(error, target.path);
  }
  await syncDirectory(dir);
}
