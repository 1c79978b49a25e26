import { basename } from 'node:path';
import { contentHash } from '../core/digest.js';
import { loadQuestionnaire, loadVendor } from '../core/load/load-files.js';
import type { Problem } from '../core/problem.js';
import { indexQuestionnaire, type QuestionnaireIndex } from '../core/questionnaire-index.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import type { Vendor } from '../core/schema/vendor.js';
import type { InputFile } from './expand-paths.js';
import { readBuiltQuestionnaire, readCheckedQuestionnaire, writeCheckedQuestionnaire } from './questionnaire-cache.js';
import { readInput } from './read-input.js';
import { ProblemsError } from './user-error.js';
import { shownPath } from './shown-path.js';

// Reads and validates input files, collecting every problem rather than stopping at the first.

/** A bundled questionnaire, or with a `cacheDir` one already checked by this build, is not parsed again. */
export async function readQuestionnaire(
  path: string,
  cwd: string,
  cacheDir?: string,
): Promise<{ questionnaire: Questionnaire; index: QuestionnaireIndex; warnings: Problem[] }> {
  const shown = shownPath(path, cwd);
  const read = await readInput(path, shown);
  if (!read.ok) throw new ProblemsError([read.problem]);
  const cached = (cacheDir === undefined ? undefined : readCheckedQuestionnaire(cacheDir, path, read.text, shown)) ?? readBuiltQuestionnaire(read.text, shown);
  if (cached) return { ...cached, index: indexQuestionnaire(cached.questionnaire) };
  const loaded = loadQuestionnaire(read.text, shown);
  if (!loaded.ok) throw new ProblemsError(loaded.problems);
  if (cacheDir !== undefined) await writeCheckedQuestionnaire(cacheDir, path, read.text, { questionnaire: loaded.value, warnings: loaded.warnings });
  return { questionnaire: loaded.value, index: indexQuestionnaire(loaded.value), warnings: loaded.warnings };
}

export interface LoadedVendor {
  vendor: Vendor;
  file: InputFile;
  /** Content hash of the file's bytes: an unchanged file need not be scored again. */
  hash: string;
}

async function readVendorFile(file: InputFile, index: QuestionnaireIndex): Promise<{ loaded?: LoadedVendor; problems: Problem[] }> {
  const read = await readInput(file.path, file.shown);
  if (!read.ok) return { problems: [read.problem] };
  const expectedId = basename(file.path).replace(/\.ya?ml$/i, '');
  const result = loadVendor(read.text, file.shown, index, expectedId);
  if (!result.ok) return { problems: result.problems };
  return { loaded: { vendor: result.value, file, hash: contentHash(read.bytes) }, problems: result.warnings };
}

export async function readVendorFiles(files: readonly InputFile[], index: QuestionnaireIndex): Promise<{ vendors: LoadedVendor[]; problems: Problem[] }> {
  const vendors: LoadedVendor[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const result = await readVendorFile(file, index);
    problems.push(...result.problems);
    if (!result.loaded) continue;
    const first = seen.get(result.loaded.vendor.id);
    if (first) {
      problems.push({
        file: file.shown,
        message: `vendor id "${result.loaded.vendor.id}" is already used by ${first}`,
        hint: 'each vendor has one file; remove or rename the copy',
        severity: 'error',
      });
      continue;
    }
    seen.set(result.loaded.vendor.id, file.shown);
    vendors.push(result.loaded);
  }
  return { vendors, problems };
}
