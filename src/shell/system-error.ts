import { shorten } from '../core/shorten.js';
import { UserError } from './user-error.js';
import { shownPath } from './shown-path.js';

// What the operating system refused, said as a user can act on it: one line and exit 2, never a
// stack trace. Every write goes through a temporary file, so the files already there were kept.

const KEPT = 'nothing was replaced: the files already there are as they were';

/** A known system error as a UserError, or undefined for anything else (a bug). */
export function systemError(error: unknown, cwd: string): UserError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path } = error as NodeJS.ErrnoException;
  if (code === 'ERR_INVALID_ARG_VALUE' || code === 'ERR_INVALID_ARG_TYPE') {
    if (/null bytes/.test(error.message))
      return new UserError('a path holds a NUL byte', { hint: 'check the paths on the command line and the folders in aiclaim.yaml' });
    return undefined;
  }
  if (code === undefined || !/^E[A-Z]+$/.test(code)) return undefined;
  const where = path === undefined ? 'a file' : shorten(shownPath(path, cwd), 120);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`could not write ${where}: the disk is full`, { hint: `free some space and run again; ${KEPT}` });
    case 'EACCES':
    case 'EPERM':
      return new UserError(`permission denied: ${where}`, { hint: `check the permissions of the file and its folder; ${KEPT}` });
    case 'EROFS':
      return new UserError(`${where} is on a read-only file system`, { hint: `write somewhere else; ${KEPT}` });
    case 'ENOTDIR':
      return new UserError(`${where}: a part of the path is a file, not a folder`, { hint: 'check the path, and the folders in aiclaim.yaml' });
    case 'EISDIR':
      return new UserError(`${where} is a folder, not a file`, { hint: 'give the path of a file' });
    case 'EEXIST':
      // mkdir meets a file where a folder should be: `findings` or `.aiclaim/drafts` as a file.
      if ((error as NodeJS.ErrnoException).syscall === 'mkdir')
        return new UserError(`${where} is a file where aiclaim needs a folder`, { hint: 'move the file aside, or name another folder in aiclaim.yaml' });
      return new UserError(`${where} already exists and is in the way`, { hint: 'move it aside and run again' });
    case 'ENAMETOOLONG':
      return new UserError(`a path is too long for the file system: ${where}`, { hint: 'use a shorter path or vendor id' });
    case 'ELOOP':
      return new UserError(`${where}: a symbolic link leads round in a circle`, { hint: 'point the link at a file' });
    case 'ENOENT':
      return new UserError(`${where} disappeared while aiclaim was using it`, { hint: 'run again' });
    case 'EMFILE':
    case 'ENFILE':
      return new UserError('too many files are open', { hint: 'raise the limit (ulimit -n), or run with fewer --jobs' });
    case 'EIO':
      return new UserError(`the disk could not read or write ${where}`, { hint: `check the disk; ${KEPT}` });
    case 'EBUSY':
    case 'ETXTBSY':
      return new UserError(`${where} is busy`, { hint: 'run again when the program using it has finished' });
    case 'EXDEV':
      return new UserError(`${where} is on another file system than its folder`, { hint: 'write somewhere else' });
    default:
      return undefined;
  }
}
