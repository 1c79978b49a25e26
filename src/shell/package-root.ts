import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The installed package: its bundled questionnaires, schemas and sample portfolio.
// This file sits two levels below the root both as source (src/shell) and built (dist/shell).

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/[\\/]$/, '');

let version: string | undefined;

export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(`${PACKAGE_ROOT}/package.json`, 'utf8')) as { version: string }).version;
  return version;
}

export function toolName(): string {
  return `aiclaim ${packageVersion()}`;
}
