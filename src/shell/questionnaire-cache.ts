import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from '../core/digest.js';
import type { Problem } from '../core/problem.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import { writeFileAtomic } from './atomic-write.js';
import { buildStamp } from './build-stamp.js';
import { PACKAGE_ROOT } from './package-root.js';

// Every command reads the questionnaire, and parsing and checking its YAML is most of the time
// `aiclaim score one-file.yaml` takes. Once checked, it is kept as JSON in the workspace's cache,
// one entry per questionnaire file, valid only for the same text and the same aiclaim build, and
// only as written: an entry whose content no longer matches its digest is checked from the YAML again.
// The questionnaires bundled with aiclaim are checked when it is built (scripts/check-questionnaires.ts)
// and kept in dist/questionnaires/ by the digest of their text: a run outside any workspace, on the
// sample, or in a workspace with no cache yet does not parse them either.

export interface CheckedQuestionnaire {
  questionnaire: Questionnaire;
  warnings: Problem[];
}

interface Entry extends CheckedQuestionnaire {
  key: string;
  /** A digest of the checked questionnaire and warnings as written: an edited entry is ignored. */
  digest: string;
}

const digestOf = (checked: CheckedQuestionnaire) => contentHash(JSON.stringify([checked.questionnaire, checked.warnings]));

/** An entry as written: its key, then a digest of what it holds. */
const entryOf = (key: string, checked: CheckedQuestionnaire): string => JSON.stringify({ key, digest: digestOf(checked), ...checked } satisfies Entry);

function entryPath(cacheDir: string, path: string): string {
  return join(cacheDir, `questionnaire-${contentHash(path)}.json`);
}

function keyOf(text: string): string {
  return contentHash(`${buildStamp()}\n${text}`);
}

/** The questionnaire as last checked, if its text has not changed since; warnings name `shown`. */
export function readCheckedQuestionnaire(cacheDir: string, path: string, text: string, shown: string): CheckedQuestionnaire | undefined {
  return readEntry(entryPath(cacheDir, path), keyOf(text), shown);
}

/** The entry in `file`, if it is the one for `key` and as it was written; warnings name `shown`. */
function readEntry(file: string, key: string, shown: string): CheckedQuestionnaire | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    if (entry.key !== key || entry.digest !== digestOf(entry)) return undefined;
    return { questionnaire: entry.questionnaire, warnings: entry.warnings.map((w) => ({ ...w, file: shown })) };
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only costs speed. */
export async function writeCheckedQuestionnaire(cacheDir: string, path: string, text: string, checked: CheckedQuestionnaire): Promise<void> {
  await writeFileAtomic(entryPath(cacheDir, path), entryOf(keyOf(text), checked)).catch(() => undefined);
}

/** The build's own checked copies of the bundled questionnaires, by the digest of their text. */
export const BUILT_QUESTIONNAIRES = join(PACKAGE_ROOT, 'dist', 'questionnaires');

const builtPath = (dir: string, text: string) => join(dir, `${contentHash(text)}.json`);

/** The questionnaire with this text as the build checked it, if it is one of the bundled ones; warnings name `shown`. */
export function readBuiltQuestionnaire(text: string, shown: string, dir = BUILT_QUESTIONNAIRES): CheckedQuestionnaire | undefined {
  return readEntry(builtPath(dir, text), contentHash(text), shown);
}

/** The build's entry for a questionnaire's text: its path under `dir`, and what to write there. */
export function builtQuestionnaireEntry(dir: string, text: string, checked: CheckedQuestionnaire): { path: string; json: string } {
  return { path: builtPath(dir, text), json: entryOf(contentHash(text), checked) };
}
