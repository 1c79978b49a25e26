import { hasErrors, sortProblems } from '../problem.js';
import type { QuestionnaireIndex } from '../questionnaire-index.js';
import { findingsSchema, type Findings } from '../schema/findings.js';
import { questionnaireSchema, type Questionnaire } from '../schema/questionnaire.js';
import { settingsSchema, type Settings } from '../schema/settings.js';
import { vendorSchema, type Vendor } from '../schema/vendor.js';
import { checkDates } from '../validate/check-dates.js';
import { checkQuestionnaire } from '../validate/check-questionnaire.js';
import { checkVendor } from '../validate/check-vendor.js';
import { locateIssues } from '../validate/path-issue.js';
import { loadDocument, type Loaded, type YamlInput } from './load-document.js';

// One loader per kind of file: shape first, then what only the whole file (and questionnaire) can tell.

export function loadQuestionnaire(text: YamlInput, file: string): Loaded<Questionnaire> {
  const loaded = loadDocument(text, file, 'questionnaire', questionnaireSchema);
  if (!loaded.ok) return loaded;
  const problems = sortProblems(locateIssues(loaded.source, checkQuestionnaire(loaded.value)));
  return hasErrors(problems) ? { ok: false, problems } : { ...loaded, warnings: problems };
}

/**
 * `expectedId` is the id the file name implies, when the file is named after its vendor. With
 * `today` (YYYY-MM-DD), what cannot have happened by then is an error too (`validate` passes it;
 * batch scoring does not fail on the clock).
 */
export function loadVendor(text: YamlInput, file: string, questionnaire: QuestionnaireIndex, expectedId?: string, today?: string): Loaded<Vendor> {
  const loaded = loadDocument(text, file, 'vendor', vendorSchema);
  if (!loaded.ok) return loaded;
  const issues = checkVendor(loaded.value, questionnaire, expectedId);
  if (today !== undefined) issues.push(...checkDates(loaded.value, questionnaire, today));
  const problems = sortProblems(locateIssues(loaded.source, issues));
  return hasErrors(problems) ? { ok: false, problems } : { ...loaded, warnings: problems };
}

export function loadFindings(text: YamlInput, file: string): Loaded<Findings> {
  return loadDocument(text, file, 'findings', findingsSchema);
}

export function loadSettings(text: YamlInput, file: string): Loaded<Settings> {
  return loadDocument(text, file, 'settings', settingsSchema);
}
