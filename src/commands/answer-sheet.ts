import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { answerSheet } from '../core/answer-sheet/answer-sheet.js';
import { applyListAnswers } from '../core/answer-sheet/list-answers.js';
import { mergeSheetAnswers } from '../core/answer-sheet/merge-answers.js';
import { csvGrid, readAnswerGrid, type AnswerGrid } from '../core/answer-sheet/read-answer-sheet.js';
import { readClaimsRoadmap, type ListGrid } from '../core/answer-sheet/read-claims-roadmap.js';
import { vendorFileText } from '../core/interview/vendor-file.js';
import { loadVendor } from '../core/load/load-files.js';
import { hasErrors, type Problem } from '../core/problem.js';
import { SLUG_PATTERN } from '../core/schema/common.js';
import type { Vendor } from '../core/schema/vendor.js';
import { answerSheetCsv } from '../render/answer-sheet-csv.js';
import { terminalLines } from '../render/terminal-text.js';
import { writeFileAtomic } from '../shell/atomic-write.js';
import type { Context } from '../shell/context.js';
import { readQuestionnaire } from '../shell/load-inputs.js';
import { checkOutputTarget } from '../shell/output-target.js';
import { parseOptions } from '../shell/parse-options.js';
import { printProblems } from '../shell/print-problems.js';
import { readInput } from '../shell/read-input.js';
import { isWorkbookName, readWorkbookBytes } from '../shell/read-workbook.js';
import { shownPath } from '../shell/shown-path.js';
import { EXIT, ProblemsError, UserError } from '../shell/user-error.js';
import { findWorkspace, questionnaireInUse, refuseSample, userCacheDir, type Workspace } from '../shell/workspace.js';

// The answer sheet a vendor fills in without writing YAML: `questionnaire export` writes it,
// `import answers` reads the returned file into the vendor's file.

const vendorId = z.string().regex(SLUG_PATTERN, { error: 'must be a vendor id: lower-case letters, digits and dashes' });

const exportOptionsSchema = z.object({
  id: z.string().optional(),
  /** Default: xlsx when --out ends in .xlsx, else csv. */
  format: z.enum(['csv', 'xlsx']).optional(),
  out: z.string().optional(),
  vendor: vendorId.optional(),
  force: z.boolean().default(false),
});

export async function exportAnswerSheet(input: z.input<typeof exportOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(exportOptionsSchema, input);
  const workspace = await findWorkspace(context);
  const target = options.out ? checkOutputTarget(resolve(context.cwd, options.out), options.out, 'answer-sheet', options.force) : undefined;
  const { questionnaire, index } = await readQuestionnaire(await questionnaireInUse(workspace, options.id, context.cwd), context.cwd, userCacheDir(workspace));
  const vendor = options.vendor ? (await readVendor(workspace, options.vendor, index, context)).vendor : undefined;
  const workbook = answerSheet(questionnaire, vendor);
  const format = options.format ?? (options.out && /\.xlsx$/i.test(options.out) ? 'xlsx' : 'csv');
  if (format === 'xlsx' && !target) throw new UserError('a workbook is written to a file, not to standard output', { hint: 'add -o ai-claims.xlsx' });
  // exceljs is loaded only for a workbook.
  const text = format === 'xlsx' ? await (await import('../render/answer-sheet-xlsx.js')).answerSheetXlsx(workbook) : answerSheetCsv(workbook);
  if (!target) {
    context.stdout.write(text as string);
    return EXIT.ok;
  }
  await writeFileAtomic(target, text);
  const rows = workbook.sheets.find((s) => s.name === 'Answers')!.rows.length;
  context.stderr.write(
    terminalLines(
      `Wrote ${shownPath(target, context.cwd)}: the answer ${format === 'xlsx' ? 'workbook' : 'sheet'} of ${questionnaire.id} ${questionnaire.version}, ${rows} questions${vendor ? `, with ${vendor.name}'s answers on record` : ''}.\n`,
    ),
  );
  return EXIT.ok;
}

const importOptionsSchema = z.object({
  file: z.string(),
  vendor: vendorId.optional(),
  dryRun: z.boolean().default(false),
});

export async function importAnswers(input: z.input<typeof importOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(importOptionsSchema, input);
  const workspace = await findWorkspace(context);
  refuseSample(workspace, 'run `aiclaim init` first, or run import inside your workspace');
  const path = resolve(context.cwd, options.file);
  const shown = shownPath(path, context.cwd);
  const { grid, claims, roadmap, csv } = await readGrid(path, shown);
  const { questionnaire, index } = await readQuestionnaire(await questionnaireInUse(workspace, undefined, context.cwd), context.cwd, userCacheDir(workspace));
  const today = context.now().toISOString().slice(0, 10);
  const sheet = readAnswerGrid(grid, questionnaire, today);
  if (sheet.otherQuestionnaire) throw new ProblemsError(sheet.problems);
  const id = options.vendor ?? sheet.meta?.vendor;
  const problems: Problem[] = [...sheet.problems];
  if (id === undefined) problems.push({ file: shown, message: 'which vendor answered? The sheet does not say', hint: 'pass --vendor <id>', severity: 'error' });
  else if (!SLUG_PATTERN.test(id)) problems.push({ file: `${shown}:1`, message: `"${id}" is not a vendor id`, hint: 'pass --vendor <id>', severity: 'error' });
  if (id === undefined || !SLUG_PATTERN.test(id) || (hasErrors(problems) && !existsSync(join(workspace.vendorsDir, `${id}.yaml`))))
    throw new ProblemsError(problems);

  // A vendor file that cannot be read is said with the sheet's own problems, not instead of them.
  const { vendor, original, target } = await readVendor(workspace, id, index, context).catch((error: unknown) => {
    throw error instanceof ProblemsError ? new ProblemsError([...problems, ...error.problems]) : error;
  });
  const { vendor: answered, changes } = mergeSheetAnswers(vendor, sheet.answers, index);
  // The Claims and Roadmap sheets of a workbook; their problems are said with the answers'.
  const sheets = readClaimsRoadmap(answered, { claims, roadmap }, today);
  const listed = applyListAnswers(vendor, sheets.vendor, sheet.lists, !csv);
  const lists = { ...sheets, vendor: listed.vendor, changes: [...listed.changes, ...sheets.changes] };
  problems.push(...sheets.problems, ...listed.problems);
  if (hasErrors(problems)) throw new ProblemsError(problems);
  const merged = lists.vendor;
  const changed = changes.length > 0 || lists.changes.length > 0;
  const text = !changed
    ? original
    : vendorFileText(
        original,
        merged,
        index.questions.map((q) => q.question.id),
        '',
      );
  // Nothing is written that aiclaim would refuse to read.
  const check = loadVendor(text, shownPath(target, context.cwd), index, id, today);
  if (!check.ok) throw new ProblemsError(check.problems.map((p) => ({ ...p, message: `${p.message} (from ${shown})` })));

  printProblems(problems, context);
  const lines: string[] = [];
  if (sheet.otherVersion) {
    lines.push(
      `${shown} follows ${questionnaire.id} ${sheet.meta?.version ?? '(another version)'}; its answers were mapped by question id to ${questionnaire.version}.`,
    );
    for (const m of sheet.mapped) lines.push(`  row ${m.row}: ${m.from} is now ${m.to}`);
    if (sheet.unmapped.length)
      lines.push(`  not mapped (no such question in ${questionnaire.version}), left out: ${sheet.unmapped.map((u) => `${u.id} (row ${u.row})`).join(', ')}`);
  }
  const would = options.dryRun ? 'would change' : 'changed';
  if (changes.length === 0)
    lines.push(`No answer ${options.dryRun ? 'would change' : 'changed'}${changed ? '.' : `: ${shownPath(target, context.cwd)} is as it was.`}`);
  else {
    lines.push(`${changes.length} answer${changes.length === 1 ? '' : 's'} ${would} in ${shownPath(target, context.cwd)} since its last answers:`);
    for (const c of changes) {
      const what = c.before === undefined ? `(none) → ${c.after}` : c.before === c.after ? c.after : `${c.before} → ${c.after}`;
      lines.push(`  ${c.question}: ${what}${c.also.length ? ` (${c.also.join(', ')})` : ''}`);
    }
  }
  if (lists.changes.length > 0) {
    lines.push(
      `Claims and roadmap: ${lists.changes.length} change${lists.changes.length === 1 ? '' : 's'} ${options.dryRun ? 'would be made' : 'made'} in ${shownPath(target, context.cwd)}:`,
    );
    for (const c of lists.changes) lines.push(`  ${c.sheet} row ${c.row}: ${c.what}`);
  }
  for (const kept of lists.kept) lines.push(`  ${kept}`);
  if (csv && ((vendor.claims?.length ?? 0) > 0 || (vendor.roadmap?.length ?? 0) > 0))
    lines.push(
      `${shown} is a CSV: it holds only the Answers sheet, so the claims and roadmap of ${shownPath(target, context.cwd)} were not read and are as they were (send the .xlsx workbook to change them).`,
    );
  if (!options.dryRun && changed) await writeFileAtomic(target, text);
  context.stderr.write(`${terminalLines(lines.join('\n'))}\n`);
  return EXIT.ok;
}

/**
 * The returned file's Answers cells, from a CSV or a workbook (with its Claims and Roadmap cells);
 * what cannot be read is refused before anything is written.
 */
async function readGrid(
  path: string,
  shown: string,
): Promise<{ grid: AnswerGrid; claims?: ListGrid | undefined; roadmap?: ListGrid | undefined; csv: boolean }> {
  if (!isWorkbookName(path)) {
    const read = await readInput(path, shown, 5 * 1024 * 1024);
    if (!read.ok) throw new ProblemsError([read.problem]);
    const csv = csvGrid(read.text, shown);
    if (!csv.ok) throw new ProblemsError([csv.problem]);
    return { grid: csv.grid, csv: true };
  }
  const bytes = await readWorkbookBytes(path, shown);
  const { workbookGrid } = await import('../core/answer-sheet/answer-workbook-grid.js');
  const workbook = await workbookGrid(bytes, shown);
  if (!workbook.ok) throw new ProblemsError(workbook.problems);
  return { grid: workbook.grid, claims: workbook.claims, roadmap: workbook.roadmap, csv: false };
}

async function readVendor(
  workspace: Workspace,
  id: string,
  index: Parameters<typeof loadVendor>[2],
  context: Context,
): Promise<{ vendor: Vendor; original: string; target: string }> {
  const target = join(workspace.vendorsDir, `${id}.yaml`);
  const shown = shownPath(target, context.cwd);
  if (!existsSync(target))
    throw new UserError(`no vendor ${id}: ${shown} does not exist`, {
      hint: 'create the vendor first (aiclaim import stack.csv, or aiclaim interview), or pass the right --vendor',
    });
  const read = await readInput(target, shown);
  if (!read.ok) throw new ProblemsError([read.problem]);
  const loaded = loadVendor(read.text, shown, index, id);
  if (!loaded.ok) throw new ProblemsError(loaded.problems);
  return { vendor: loaded.value, original: await readFile(target, 'utf8'), target };
}
