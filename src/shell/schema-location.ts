import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FileKind } from '../core/schema/common.js';
import { PACKAGE_ROOT } from './package-root.js';
import type { Workspace } from './workspace.js';

// Where the JSON Schema for a written file lives, as a path relative to that file: the
// workspace's own copy (made by `aiclaim init`) when there is one, else the installed package's.

export function schemaPathFor(kind: FileKind, fileDir: string, workspace: Workspace): string {
  const name = `${kind}.schema.json`;
  const local = join(workspace.root, '.aiclaim', 'schemas', name);
  const target = existsSync(local) ? local : join(PACKAGE_ROOT, 'schemas', name);
  return relative(fileDir, target).split(sep).join('/');
}
