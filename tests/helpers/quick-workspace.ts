import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, tempDir } from './run-cli.js';

/** A workspace on the quick questionnaire (tests/fixtures/quick.yaml, one of each common prompt), with no vendor yet. */
export function quickWorkspace(): { dir: string; remove: () => void } {
  const workspace = tempDir();
  mkdirSync(join(workspace.dir, 'vendors'));
  mkdirSync(join(workspace.dir, 'questionnaires'));
  copyFileSync(join(REPO, 'tests', 'fixtures', 'quick.yaml'), join(workspace.dir, 'questionnaires', 'quick.yaml'));
  writeFileSync(join(workspace.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: quick\n');
  return workspace;
}
