import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadCrosswalk } from '../core/load/load-files.js';
import type { Crosswalk } from '../core/schema/crosswalk.js';
import type { CrosswalkEntry } from '../core/schema/questionnaire.js';
import { PACKAGE_ROOT } from './package-root.js';
import { readInput } from './read-input.js';
import { shownPath } from './shown-path.js';
import { ProblemsError, UserError } from './user-error.js';
import type { Workspace } from './workspace.js';

// Which crosswalk joins two editions: the file named with --crosswalk (which must join these two),
// else the one in the workspace's questionnaires/crosswalks/ folder that does, else the newer
// edition's own `crosswalk:`, else one bundled with aiclaim. A crosswalk file is checked against the question ids
// of both editions.

export const CROSSWALKS_DIR = 'crosswalks';

export interface EditionIds {
  id: string;
  version: string;
  /** The edition's question ids. */
  ids: ReadonlySet<string>;
}

export interface ChosenCrosswalk {
  entries: readonly CrosswalkEntry[];
  /** The file it came from, as shown; absent for the newer questionnaire's own. */
  file?: string | undefined;
}

export async function crosswalkBetween(
  older: EditionIds,
  newer: EditionIds,
  own: readonly CrosswalkEntry[] | undefined,
  workspace: Workspace,
  cwd: string,
  named?: string,
): Promise<ChosenCrosswalk> {
  const joins = (c: Crosswalk) =>
    c.from.questionnaire === older.id && c.from.version === older.version && c.to.questionnaire === newer.id && c.to.version === newer.version;
  if (named !== undefined) {
    const path = resolve(cwd, named);
    const crosswalk = await readCrosswalk(path, cwd, older, newer);
    if (!joins(crosswalk)) {
      throw new UserError(
        `--crosswalk ${shownPath(path, cwd)} joins ${crosswalk.from.questionnaire} ${crosswalk.from.version} → ${crosswalk.to.questionnaire} ${crosswalk.to.version}, not ${older.id} ${older.version} → ${newer.id} ${newer.version}`,
        {
          hint: 'name the crosswalk between the editions these snapshots were scored with',
        },
      );
    }
    return { entries: crosswalk.questions, file: shownPath(path, cwd) };
  }
  const kept = async (root: string): Promise<ChosenCrosswalk | undefined> => {
    const dir = join(root, 'questionnaires', CROSSWALKS_DIR);
    if (!existsSync(dir)) return undefined;
    for (const name of (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort()) {
      const path = join(dir, name);
      if (joins(await readCrosswalk(path, cwd))) return { entries: (await readCrosswalk(path, cwd, older, newer)).questions, file: shownPath(path, cwd) };
    }
    return undefined;
  };
  // The team's word first (its folder, its questionnaire's own), then the one aiclaim ships.
  return (await kept(workspace.root)) ?? (own?.length ? { entries: own } : undefined) ?? (await kept(PACKAGE_ROOT)) ?? { entries: [] };
}

/** With the editions at hand, each entry is checked against their questions. */
export async function readCrosswalk(path: string, cwd: string, older?: EditionIds, newer?: EditionIds): Promise<Crosswalk> {
  const shown = shownPath(path, cwd);
  const read = await readInput(path, shown);
  if (!read.ok) throw new ProblemsError([read.problem]);
  const loaded = loadCrosswalk(read.text, shown, older && newer ? { older: older.ids, newer: newer.ids } : undefined);
  if (!loaded.ok) throw new ProblemsError(loaded.problems);
  return loaded.value;
}
