import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import * as z from 'zod';
import { checkFindings } from '../core/findings/check-findings.js';
import { draftSchema } from '../core/interview/draft.js';
import { kindOf, loadDocument } from '../core/load/load-document.js';
import { loadCrosswalk, loadFinance, loadFindings, loadQuestionnaire, loadSettings, loadVendor } from '../core/load/load-files.js';
import { ratesOf } from '../core/report/currency.js';
import type { Settings } from '../core/schema/settings.js';
import { sortProblems, type Problem } from '../core/problem.js';
import { indexQuestionnaire, type QuestionnaireIndex } from '../core/questionnaire-index.js';
import { SCHEMA_IDS } from '../core/schema/common.js';
import { readYaml } from '../core/yaml/parse-yaml.js';
import { colourFor } from '../shell/colour.js';
import { CROSSWALKS_DIR } from '../shell/crosswalks.js';
import type { Context } from '../shell/context.js';
import { expandPaths, type InputFile } from '../shell/expand-paths.js';
import { readQuestionnaire } from '../shell/load-inputs.js';
import { parseOptions } from '../shell/parse-options.js';
import { printProblems } from '../shell/print-problems.js';
import { readInput } from '../shell/read-input.js';
import { EDITIONS_DIR, findEdition } from '../shell/find-edition.js';
import { EXIT } from '../shell/user-error.js';
import { findWorkspace, questionnaireInUse, announceSample, userCacheDir, type Workspace } from '../shell/workspace.js';
import { jsonText } from '../render/json-text.js';

const validateOptionsSchema = z.object({
  paths: z.array(z.string()).default([]),
  questionnaire: z.string().optional(),
  format: z.enum(['text', 'json']).default('text'),
});

export type ValidateOptions = z.input<typeof validateOptionsSchema>;

export async function validate(input: ValidateOptions, context: Context): Promise<number> {
  const options = parseOptions(validateOptionsSchema, input);
  const workspace = await findWorkspace(context);
  const paths = options.paths.length ? options.paths : workspacePaths(workspace);
  announceSample(workspace, context, options.paths);

  const expanded = await expandPaths(paths, context.cwd, { quietEmpty: options.paths.length === 0 });
  const problems: Problem[] = [...expanded.problems];
  const questionnaires = new Map<string, QuestionnaireIndex | Problem[]>();
  // As score does: --questionnaire for every file, else the one a file declares, else the workspace's.
  const questionnaireFor = async (declared: string | undefined): Promise<QuestionnaireIndex | Problem[]> => {
    const ref = options.questionnaire ?? declared ?? workspace.settings.questionnaire;
    if (!questionnaires.has(ref)) {
      try {
        const path = await questionnaireInUse(workspace, options.questionnaire, context.cwd, declared);
        questionnaires.set(ref, (await readQuestionnaire(path, context.cwd, userCacheDir(workspace))).index);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        questionnaires.set(ref, [{ file: ref, message: `questionnaire could not be loaded: ${message}`, severity: 'error' }]);
      }
    }
    return questionnaires.get(ref)!;
  };

  // What cannot have happened yet (a claim dated next month) is an error here, by today's date.
  const today = context.now().toISOString().slice(0, 10);
  // A crosswalk's editions, wherever aiclaim keeps them (find-edition.ts).
  const editionIds = async (id: string, version: string) => {
    const found = await findEdition({ id, version }, workspace, context.cwd);
    return found ? new Set(indexQuestionnaire(found).byId.keys()) : undefined;
  };
  for (const file of expanded.files) problems.push(...(await validateFile(file, questionnaireFor, editionIds, today, workspace.settings)));

  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  if (options.format === 'json') {
    context.stdout.write(
      jsonText({ files: expanded.files.length, problems: sorted.map((p) => ({ ...p, line: p.line ?? null, column: p.column ?? null, hint: p.hint ?? null })) }),
    );
  } else {
    printProblems(sorted, context);
    const style = colourFor(context.stderr, context.env);
    const files = `${expanded.files.length} file${expanded.files.length === 1 ? '' : 's'}`;
    context.stderr.write(errors ? style.red(`${errors} error${errors === 1 ? '' : 's'} in ${files}.\n`) : style.green(`${files} valid.\n`));
  }
  return errors ? EXIT.invalid : EXIT.ok;
}

function workspacePaths(workspace: Workspace): string[] {
  const questionnaires = `${workspace.root}/questionnaires`;
  return [
    workspace.settingsFile,
    questionnaires,
    `${questionnaires}/${EDITIONS_DIR}`,
    `${questionnaires}/${CROSSWALKS_DIR}`,
    workspace.vendorsDir,
    workspace.findingsDir,
    workspace.financeDir,
  ].filter((p): p is string => p !== undefined && existsSync(p));
}

async function validateFile(
  file: InputFile,
  questionnaireFor: (id: string | undefined) => Promise<QuestionnaireIndex | Problem[]>,
  editionIds: (id: string, version: string) => Promise<ReadonlySet<string> | undefined>,
  today: string,
  settings: Settings,
): Promise<Problem[]> {
  const read = await readInput(file.path, file.shown);
  if (!read.ok) return [read.problem];
  const parsed = readYaml(read.text, file.shown);
  if (!parsed.ok) return parsed.problems;
  const kind = kindOf(parsed.data);
  switch (kind) {
    case 'questionnaire': {
      const loaded = loadQuestionnaire(parsed, file.shown);
      return loaded.ok ? loaded.warnings : loaded.problems;
    }
    case 'vendor': {
      const declared = (parsed.data as { questionnaire?: unknown }).questionnaire;
      const index = await questionnaireFor(typeof declared === 'string' ? declared : undefined);
      if (Array.isArray(index)) return index.map((p) => ({ ...p, file: file.shown, message: p.message }));
      const loaded = loadVendor(parsed, file.shown, index, basename(file.path).replace(/\.ya?ml$/i, ''), today);
      return loaded.ok ? loaded.warnings : loaded.problems;
    }
    case 'findings': {
      const loaded = loadFindings(parsed, file.shown);
      if (!loaded.ok) return loaded.problems;
      // Checked against itself, and against its questionnaire when the one of its id is the one it was scored with.
      const index = await questionnaireFor(loaded.value.questionnaire.id);
      return [...findingsChecks(loaded.value, file), ...checkFindings(loaded.value, file.shown, Array.isArray(index) ? undefined : index.questionnaire)];
    }
    case 'settings': {
      const loaded = loadSettings(parsed, file.shown);
      return loaded.ok ? [] : loaded.problems;
    }
    case 'crosswalk': {
      // Checked against each edition it joins, where aiclaim keeps that edition.
      const idsOf = async (edition: unknown) => {
        const e = edition as { questionnaire?: unknown; version?: unknown } | undefined;
        return typeof e?.questionnaire === 'string' && typeof e.version === 'string' ? editionIds(e.questionnaire, e.version) : undefined;
      };
      const data = parsed.data as { from?: unknown; to?: unknown };
      const loaded = loadCrosswalk(parsed, file.shown, { older: await idsOf(data.from), newer: await idsOf(data.to) });
      return loaded.ok ? loaded.warnings : loaded.problems;
    }
    case 'finance': {
      // Its amounts in the workspace currency, or in one the settings give a rate for.
      const loaded = loadFinance(parsed, file.shown, settings.currency, ratesOf(settings.exchange, settings.currency));
      return loaded.ok ? [] : loaded.problems;
    }
    case 'draft': {
      const loaded = loadDocument(parsed, file.shown, 'draft', draftSchema);
      return loaded.ok ? [] : loaded.problems;
    }
    default:
      return [
        {
          file: file.shown,
          line: 1,
          column: 1,
          message: 'not an aiclaim file: it has no known "schema:" key',
          hint: `start it with one of: ${Object.values(SCHEMA_IDS)
            .map((s) => `schema: ${s}`)
            .join(', ')}`,
          severity: 'error',
        },
      ];
  }
}

function findingsChecks(findings: { period: string; vendors: { id: string }[] }, file: InputFile): Problem[] {
  const problems: Problem[] = [];
  const name = basename(file.path).replace(/\.ya?ml$/i, '');
  if (/^\d{4}-Q[1-4]$/.test(name) && name !== findings.period) {
    problems.push({
      file: file.shown,
      message: `file is named for ${name} but holds the findings of ${findings.period}`,
      hint: 'rename the file or check its period',
      severity: 'error',
    });
  }
  const seen = new Set<string>();
  for (const vendor of findings.vendors) {
    if (seen.has(vendor.id)) problems.push({ file: file.shown, message: `vendor "${vendor.id}" appears twice`, severity: 'error' });
    seen.add(vendor.id);
  }
  return problems;
}
