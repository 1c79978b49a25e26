import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every entry under `dir` with a hash of its bytes (links by their target, other non-regular files
 * by their kind and mode), the machine-written cache aside: compare it before and after a run to
 * see that nothing outside the expected output changed.
 */
export function tree(dir: string, options: { cache?: boolean } = {}): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      const rel = relative(dir, path);
      if (entry.isDirectory()) {
        if (options.cache || rel !== join('.aiclaim', 'cache')) walk(path);
        else continue;
        files[`${rel}/`] = 'folder';
      } else if (entry.isFile()) {
        const mode = (lstatSync(path).mode & 0o7777).toString(8);
        files[rel] = `${mode} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
      } else {
        const stat = lstatSync(path);
        files[rel] = `${entry.isSymbolicLink() ? 'link' : 'special'} ${(stat.mode & 0o7777).toString(8)} ${stat.rdev}`;
      }
    }
  };
  walk(dir);
  return files;
}
