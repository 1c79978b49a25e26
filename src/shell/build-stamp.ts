import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toolName } from './package-root.js';

// What the caches are valid for: data checked by one build of aiclaim is not trusted by another,
// even of the same version (a rebuilt checkout).

let stamp: string | undefined;

export function buildStamp(): string {
  if (stamp === undefined) {
    const self = statSync(fileURLToPath(import.meta.url));
    stamp = `${toolName()} ${self.size} ${Math.round(self.mtimeMs)}`;
  }
  return stamp;
}
