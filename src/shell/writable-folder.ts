import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from './user-error.js';

// Whether aiclaim will be able to write into a folder, found out before the work that needs it
// (an interview's first question), without making anything: the folder or, while it does not
// exist yet, the nearest one above it that does.

export function checkWritableFolder(dir: string, shown: string): void {
  let at = dir;
  let up = 0;
  // The folder found, as the user sees it: `shown` with the levels climbed taken off.
  const shownAt = () => (up === 0 ? shown : shown.split('/').slice(0, -up).join('/') || at);
  for (;;) {
    let stat;
    try {
      stat = statSync(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = dirname(at);
      if (parent === at) return;
      at = parent;
      up++;
      continue;
    }
    if (!stat.isDirectory()) {
      throw new UserError(`${shownAt()} is a file where aiclaim needs a folder${up === 0 ? '' : ` (to hold ${shown})`}`, {
        hint: 'move the file aside, or name another folder in aiclaim.yaml',
      });
    }
    try {
      accessSync(at, constants.W_OK | constants.X_OK);
    } catch {
      throw new UserError(`permission denied: aiclaim may not write in ${shownAt()}`, {
        hint: 'check the permissions of the folder, or name another one in aiclaim.yaml',
      });
    }
    return;
  }
}
