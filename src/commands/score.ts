import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod';
import { questionnaireHash } from '../core/findings/build-findings.js';
import { periodOfDate } from '../core/period.js';
import { sortProblems, type Problem } from '../core/problem.js';
import { period as periodSchema } from '../core/schema/common.js';
import { rankVendors } from '../core/scoring/rank-vendors.js';
import { scoreVendor } from '../core/scoring/score-vendor.js';
import { explainText } from '../render/explain-text.js';
import { scoreCsv } from '../render/score-csv.js';
import { scoreMarkdown } from '../render/score-markdown.js';
import { scoreReportData, type ScoreReport } from '../render/score-report.js';
import { scoreTable } from '../render/score-table.js';
import { yamlText } from '../render/yaml-text.js';
import { colourFor } from '../shell/colour.js';
import type { Context } from '../shell/context.js';
import { expandPaths } from '../shell/expand-paths.js';
import { historyBefore } from '../shell/history.js';
import { guardSnapshot, snapshotOf, snapshotPath, sourceRef, writeSnapshot } from '../shell/findings-snapshot.js';
import { readQuestionnaire, readVendorFiles } from '../shell/load-inputs.js';
import { parseOptions } from '../shell/parse-options.js';
import { printProblems } from '../shell/print-problems.js';
import { EXIT, UserError } from '../shell/user-error.js';
import { findWorkspace, questionnaireInUse, sampleNotice, shownPath } from '../shell/workspace.js';

export const SCORE_FORMATS = ['table', 'json', 'yaml', 'markdown', 'csv'] as const;

export const scoreOptionsSchema = z.object({
  paths: z.array(z.string()).default([]),
  format: z.enum(SCORE_FORMATS).optional(),
  explain: z.boolean().default(false),
  period: periodSchema.optional(),
  out: z.string().optional(),
  force: z.boolean().default(false),
  failUnder: z.number().min(0).max(100).optional(),
  questionnaire: z.string().optional(),
});

export type ScoreOptions = z.input<typeof scoreOptionsSchema>;

export async function score(input: ScoreOptions, context: Context): Promise<number> {
  const options = parseOptions(scoreOptionsSchema, input);
  const workspace = await findWorkspace(context);
  const notice = sampleNotice(workspace, context.cwd);
  if (notice && options.paths.length === 0) context.stderr.write(`${notice}\n`);

  const questionnairePath = await questionnaireInUse(workspace, options.questionnaire, context.cwd);
  const { questionnaire, index, warnings } = await readQuestionnaire(questionnairePath, context.cwd);

  const paths = options.paths.length ? options.paths : [workspace.vendorsDir];
  if (options.paths.length === 0 && !existsSync(workspace.vendorsDir)) {
    throw new UserError(`no vendors folder here (${shownPath(workspace.vendorsDir, context.cwd)})`, {
      hint: 'run `aiclaim init` to create a workspace, or pass vendor files, folders or globs',
    });
  }
  const expanded = await expandPaths(paths, context.cwd);
  const loaded = await readVendorFiles(expanded.files, index);
  const problems: Problem[] = sortProblems([...warnings, ...expanded.problems, ...loaded.problems]);
  const errors = problems.filter((p) => p.severity === 'error');

  const currentPeriod = periodOfDate(context.now());
  const period = options.period ?? currentPeriod;
  const history = await historyBefore(workspace.findingsDir, period, context.cwd);
  const scored = loaded.vendors.map(({ vendor, file }) => ({ vendor, file: file.shown, score: scoreVendor(questionnaire, vendor, { period, history: history.get(vendor.id) }) }));
  const report: ScoreReport = {
    period,
    questionnaire: { id: questionnaire.id, version: questionnaire.version, hash: questionnaireHash(questionnaire), title: questionnaire.title },
    vendors: rankVendors(scored),
    invalid: errors,
  };

  printProblems(problems, context);
  const style = colourFor(context.stdout, context.env);
  const format = options.format ?? 'table';
  context.stdout.write(render(report, format, options.explain, style));

  if (options.period) {
    if (errors.length > 0) {
      context.stderr.write(`Findings not written: ${errors.length} input problem${errors.length === 1 ? '' : 's'} above; a snapshot with vendors missing would read as vendors dropped. Fix them and run again.\n`);
    } else {
      const target = options.out ? resolve(context.cwd, options.out) : snapshotPath(workspace, options.period);
      const shown = shownPath(target, context.cwd);
      guardSnapshot(target, shown, options.period, currentPeriod, options.force);
      const byId = new Map(loaded.vendors.map((v) => [v.vendor.id, v]));
      const entries = report.vendors.map(({ vendor, score }) => ({ vendor, score, source: sourceRef(workspace, byId.get(vendor.id)!) }));
      const findings = snapshotOf(options.period, questionnaire, entries);
      await writeSnapshot(target, findings, workspace);
      context.stderr.write(`Wrote ${shown}: ${findings.vendors.length} vendor${findings.vendors.length === 1 ? '' : 's'}, ${options.period}.\n`);
    }
  }
  if (errors.length > 0) return EXIT.invalid;

  const failUnder = options.failUnder ?? workspace.settings.thresholds.failUnder;
  if (failUnder !== undefined) {
    const below = report.vendors.filter((v) => v.score.score < failUnder);
    if (below.length > 0) {
      context.stderr.write(`${below.length} vendor${below.length === 1 ? '' : 's'} scored under ${failUnder}: ${below.map((v) => `${v.vendor.id} (${v.score.score})`).join(', ')}\n`);
      return EXIT.failed;
    }
  }
  return EXIT.ok;
}

function render(report: ScoreReport, format: (typeof SCORE_FORMATS)[number], explain: boolean, style: ReturnType<typeof colourFor>): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(scoreReportData(report, explain), null, 2)}\n`;
    case 'yaml':
      return yamlText(scoreReportData(report, explain));
    case 'markdown':
      return scoreMarkdown(report, explain);
    case 'csv':
      return scoreCsv(report, explain);
    case 'table':
      return report.vendors.length === 0 ? 'No vendors scored.\n' : scoreTable(report.vendors, style) + (explain ? `\n${explainText(report.vendors, style)}` : '');
  }
}
