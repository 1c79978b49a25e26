import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { scoredWith } from '../core/findings/build-findings.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import { readQuestionnaire } from './load-inputs.js';
import { PACKAGE_ROOT } from './package-root.js';
import { questionnaireInUse, userCacheDir, type Workspace } from './workspace.js';

// An edition of a questionnaire, by its id and version (and hash, when known), wherever aiclaim
// keeps one: the one in use here, a workspace's questionnaires/<id>.yaml, or an earlier edition in
// questionnaires/editions/ (the workspace's, those of the other workspaces named, then the bundled
// ones), so that a quarter scored before an upgrade still finds the questionnaire that scored it.

/** Where earlier editions of a questionnaire are kept, under questionnaires/. */
export const EDITIONS_DIR = 'editions';

export interface EditionRef {
  id: string;
  version: string;
  /** With it, a file of that hash is preferred to one that only has the id and version. */
  hash?: string | undefined;
}

/**
 * The one in use counts only with the hash asked for (without a hash, with the version): with
 * another, it is the team's edition now, not the one asked for. The others count by hash, else by
 * id and version (a snapshot written by an earlier aiclaim hashed the questionnaire as that aiclaim
 * read it). `roots`: other workspaces to look in (a snapshot's own). Undefined when none is found.
 */
export async function findEdition(ref: EditionRef, workspace: Workspace, cwd: string, roots: readonly string[] = []): Promise<Questionnaire | undefined> {
  const read = async (path: string) => {
    try {
      return (await readQuestionnaire(path, cwd, userCacheDir(workspace))).questionnaire;
    } catch {
      return undefined; // not there, or not readable: the next place is tried
    }
  };
  const matches = (q: Questionnaire) => (ref.hash === undefined ? q.id === ref.id && q.version === ref.version : scoredWith(q, ref.hash));
  const inUse = await read(await questionnaireInUse(workspace, ref.id, cwd).catch(() => ''));
  if (inUse && matches(inUse)) return inUse;
  const kept = async function* () {
    for (const root of roots) yield await read(join(root, 'questionnaires', `${ref.id}.yaml`));
    for (const dir of [workspace.root, ...roots, PACKAGE_ROOT].map((root) => join(root, 'questionnaires', EDITIONS_DIR))) {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names.filter((n) => /\.ya?ml$/i.test(n)).sort()) yield await read(join(dir, name));
    }
  };
  let sameVersion: Questionnaire | undefined;
  for await (const q of kept()) {
    if (!q) continue;
    if (matches(q)) return q;
    if (!sameVersion && q.id === ref.id && q.version === ref.version) sameVersion = q;
  }
  return sameVersion;
}
