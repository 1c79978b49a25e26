import { isAbsolute, relative, sep } from 'node:path';

// How a path is shown in messages, in one place.

/** A path as the user should see it: relative to where they are, when that is shorter. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  // Inside the current folder, relative; outside it, absolute (../../x helps nobody).
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return shown.split(sep).join('/');
}
