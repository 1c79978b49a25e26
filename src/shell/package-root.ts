import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The installed package: its bundled questionnaires, schemas and sample portfolio.

/** The nearest folder above this module with a package.json: the source tree, or the bundle's. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const PACKAGE_ROOT = packageRoot();

let version: string | undefined;

export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8')) as { version: string }).version;
  return version;
}

export function toolName(): string {
  return `aiclaim ${packageVersion()}`;
}
