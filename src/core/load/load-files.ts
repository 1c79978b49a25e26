import { hasErrors, sortProblems } from '../problem.js';
import type { QuestionnaireIndex } from '../questionnaire-index.js';
import type { ExchangeRates } from '../report/currency.js';
import { crosswalkSchema, type Crosswalk } from '../schema/crosswalk.js';
import { financeSchema, type Finance } from '../schema/finance.js';
import { findingsSchema, type Findings } from '../schema/findings.js';
import { questionnaireSchema, type Questionnaire } from '../schema/questionnaire.js';
import { settingsSchema, type Settings } from '../schema/settings.js';
import { vendorSchema, type Vendor } from '../schema/vendor.js';
import { checkDates } from '../validate/check-dates.js';
import { checkCrosswalk } from '../validate/check-crosswalk.js';
import { checkFinance } from '../validate/check-finance.js';
import { checkQuestionnaire } from '../validate/check-questionnaire.js';
import { checkVendor } from '../validate/check-vendor.js';
import { locateIssues } from '../validate/path-issue.js';
import { questionnaireIdentity } from '../findings/question-definitions.js';
import { checkDocument, loadClean, loadDocument, type Loaded, type YamlInput } from './load-document.js';

// One loader per kind of file: shape first, then what only the whole file (and questionnaire) can tell.

/** With its identity (question-definitions.ts): the digests of the file as written. */
export function loadQuestionnaire(text: YamlInput, file: string): Loaded<Questionnaire> {
  return loadClean(text, file, (parsed) => {
    const loaded = checkDocument(parsed, file, 'questionnaire', questionnaireSchema);
    if (!loaded.ok) return loaded;
    const problems = sortProblems(locateIssues(loaded.source, checkQuestionnaire(loaded.value)));
    return hasErrors(problems)
      ? { ok: false, problems }
      : { ...loaded, value: { ...loaded.value, identity: questionnaireIdentity(parsed.data, loaded.value) }, warnings: problems };
  });
}

/**
 * `expectedId` is the id the file name implies, when the file is named after its vendor. With
 * `today` (YYYY-MM-DD), what cannot have happened by then is an error too (`validate` passes it;
 * batch scoring does not fail on the clock).
 */
export function loadVendor(text: YamlInput, file: string, questionnaire: QuestionnaireIndex, expectedId?: string, today?: string): Loaded<Vendor> {
  return loadClean(text, file, (parsed) => {
    const loaded = checkDocument(parsed, file, 'vendor', vendorSchema);
    if (!loaded.ok) return loaded;
    const issues = checkVendor(loaded.value, questionnaire, expectedId);
    if (today !== undefined) issues.push(...checkDates(loaded.value, questionnaire, today));
    const problems = sortProblems(locateIssues(loaded.source, issues));
    return hasErrors(problems) ? { ok: false, problems } : { ...loaded, warnings: problems };
  });
}

export function loadFindings(text: YamlInput, file: string): Loaded<Findings> {
  return loadDocument(text, file, 'findings', findingsSchema);
}

/** A quarter's finance figures, in a file named after the quarter; each amount in `currency` (the workspace's) or a currency `rates` cover. */
export function loadFinance(text: YamlInput, file: string, currency: string, rates: ExchangeRates | undefined): Loaded<Finance> {
  const loaded = loadDocument(text, file, 'finance', financeSchema);
  if (!loaded.ok) return loaded;
  const problems = sortProblems(locateIssues(loaded.source, checkFinance(loaded.value, file.split(/[\\/]/).at(-1) ?? file, currency, rates)));
  return hasErrors(problems) ? { ok: false, problems } : loaded;
}

export function loadSettings(text: YamlInput, file: string): Loaded<Settings> {
  return loadDocument(text, file, 'settings', settingsSchema);
}

/**
 * A crosswalk file; with the question ids of the editions it joins at hand, each entry checked
 * against them (and against itself in any case: a question mapped twice).
 */
export function loadCrosswalk(text: YamlInput, file: string, editions?: { older?: ReadonlySet<string>; newer?: ReadonlySet<string> }): Loaded<Crosswalk> {
  return loadClean(text, file, (parsed) => {
    const loaded = checkDocument(parsed, file, 'crosswalk', crosswalkSchema);
    if (!loaded.ok) return loaded;
    const { from, to } = loaded.value;
    const names = { older: `${from.questionnaire} ${from.version}`, newer: `${to.questionnaire} ${to.version}` };
    const newer = editions?.newer ?? new Set(loaded.value.questions.map((q) => q.to));
    const problems = sortProblems(locateIssues(loaded.source, checkCrosswalk(loaded.value.questions, ['questions'], newer, editions?.older, names)));
    return hasErrors(problems) ? { ok: false, problems } : { ...loaded, warnings: problems };
  });
}
