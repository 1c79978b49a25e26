import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Problem } from '../core/problem.js';
import { shownPath } from './shown-path.js';

// Turns the paths a user typed (files, folders, globs) into the YAML files they mean.

export interface InputFile {
  path: string;
  /** The path as the user sees it in messages. */
  shown: string;
}

const GLOB_CHARS = /[*?[\]{}]/;
const YAML_FILE = /\.ya?ml$/i;

/** `quietEmpty`: an empty folder is not worth a warning (a workspace default, not something typed). */
export async function expandPaths(
  args: readonly string[],
  cwd: string,
  options: { quietEmpty?: boolean } = {},
): Promise<{ files: InputFile[]; problems: Problem[] }> {
  const files = new Map<string, InputFile>();
  const problems: Problem[] = [];
  const add = (path: string) => files.set(path, { path, shown: shownPath(path, cwd) });
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((n) => YAML_FILE.test(n) && !n.startsWith('.'));
      if (names.length === 0 && !options.quietEmpty) problems.push({ file: arg, message: 'folder holds no .yaml files', severity: 'warning' });
      for (const name of names) add(join(path, name));
    } else if (info) {
      add(path);
    } else if (GLOB_CHARS.test(arg)) {
      // Loaded only when a pattern is given: most runs never need it.
      const { glob } = await import('tinyglobby');
      const matches = await glob(arg, { cwd, absolute: true, onlyFiles: true, dot: false });
      const yaml = matches.filter((m) => YAML_FILE.test(m));
      if (yaml.length === 0)
        problems.push({
          file: arg,
          message: 'pattern matches no .yaml file',
          hint: 'quote the pattern so that the shell does not expand it first',
          severity: 'error',
        });
      for (const match of yaml) add(resolve(match));
    } else {
      problems.push({ file: arg, message: 'no such file or folder', hint: 'check the path', severity: 'error' });
    }
  }
  return { files: [...files.values()].sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0)), problems };
}
