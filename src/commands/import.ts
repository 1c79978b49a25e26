import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { csvStackTable, readStackTable, type StackTable, type StackVendor } from '../core/inventory/stack-csv.js';
import { vendorFileText } from '../core/interview/vendor-file.js';
import { loadVendor } from '../core/load/load-files.js';
import { sortProblems, type Problem } from '../core/problem.js';
import type { QuestionnaireIndex } from '../core/questionnaire-index.js';
import type { Vendor } from '../core/schema/vendor.js';
import { formatBytes, MAX_INPUT_BYTES } from '../core/yaml/source-text.js';
import { terminalLines } from '../render/terminal-text.js';
import { schemaHint } from '../render/yaml-text.js';
import { writeFileAtomic } from '../shell/atomic-write.js';
import type { Context } from '../shell/context.js';
import { readQuestionnaire } from '../shell/load-inputs.js';
import { parseOptions } from '../shell/parse-options.js';
import { printProblems } from '../shell/print-problems.js';
import { progressLine } from '../shell/progress.js';
import { readInput } from '../shell/read-input.js';
import { isWorkbookName, readWorkbookBytes } from '../shell/read-workbook.js';
import { schemaPathFor } from '../shell/schema-location.js';
import { EXIT, ProblemsError } from '../shell/user-error.js';
import { findWorkspace, questionnaireInUse, refuseSample, userCacheDir } from '../shell/workspace.js';
import { shownPath } from '../shell/shown-path.js';

const importOptionsSchema = z.object({
  file: z.string(),
  force: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'must be a currency code such as EUR' })
    .optional(),
  dateFormat: z.enum(['iso', 'dmy', 'mdy']).default('iso'),
  acceptSuggestions: z.boolean().default(false),
});

export async function importStack(input: z.input<typeof importOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(importOptionsSchema, input);
  const workspace = await findWorkspace(context);
  refuseSample(workspace, 'run `aiclaim init` first, or run import inside your workspace');
  const path = resolve(context.cwd, options.file);
  const shown = shownPath(path, context.cwd);
  const stackOptions = {
    currency: options.currency ?? workspace.settings.currency,
    dateFormat: options.dateFormat,
    mapping: workspace.settings.categories,
    acceptSuggestions: options.acceptSuggestions,
  };
  const { vendors, problems, refused } = readStackTable(await stackTable(path, shown), shown, stackOptions);
  // Past a limit (rows, cells): one line saying so, and nothing written.
  if (refused) throw new ProblemsError(problems);
  const { index } = await readQuestionnaire(await questionnaireInUse(workspace, undefined, context.cwd), context.cwd, userCacheDir(workspace));

  const created: string[] = [];
  const updated: string[] = [];
  const kept: string[] = [];
  // Every file is made and checked before any is written: none that aiclaim would refuse to read.
  const writes: { target: string; text: string; row: StackVendor }[] = [];
  // A spreadsheet of thousands of rows takes a while: a progress line for each step, on a terminal only.
  const since = Date.now();
  const making = progressLine(context, 'Preparing', 'vendor files', vendors.length, { since });
  for (const [done, row] of vendors.entries()) {
    making.update(done);
    const target = join(workspace.vendorsDir, `${row.id}.yaml`);
    const exists = existsSync(target);
    if (exists && !options.force) {
      kept.push(row.id);
      continue;
    }
    if (exists) {
      const original = await readFile(target, 'utf8');
      const loaded = loadVendor(original, shownPath(target, context.cwd), index, row.id);
      if (!loaded.ok) {
        problems.push(...loaded.problems.map((p) => ({ ...p, message: `${p.message} (not updated from ${shown} line ${row.line})` })));
        continue;
      }
      writes.push({
        target,
        row,
        text: vendorFileText(
          original,
          withProfile(loaded.value, row),
          index.questions.map((q) => q.question.id),
          '',
        ),
      });
      updated.push(row.id);
    } else {
      // A comment is one line: a line break in the file name would end it and start YAML.
      const hint = `${schemaHint(schemaPathFor('vendor', workspace.vendorsDir, workspace))}\n# Imported by aiclaim from ${oneLine(shown)} (line ${row.line}). Interview the vendor with: aiclaim interview ${row.id}`;
      writes.push({
        target,
        row,
        text: vendorFileText(
          undefined,
          withProfile({ schema: 'aiclaim/vendor@1', id: row.id, name: row.name, category: row.category, answers: {} }, row),
          [],
          hint,
        ),
      });
      created.push(row.id);
    }
  }
  making.end();
  const checking = progressLine(context, 'Checking', 'vendor files', writes.length, { since });
  const unreadable = writes.flatMap(({ target, text, row }, done) => {
    checking.update(done);
    return wouldRefuse(text, shownPath(target, context.cwd), row, shown, index);
  });
  checking.end();
  if (unreadable.length > 0) throw new ProblemsError(unreadable);
  printProblems(sortProblems(problems), context);
  // Every problem of every row at once, and nothing written while one remains: a spreadsheet is
  // imported whole or not at all.
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    context.stderr.write(
      `${terminalLines(`Nothing ${options.dryRun ? 'would be ' : ''}imported: ${errors} problem${errors === 1 ? '' : 's'} to fix in ${shown}, listed above. Fix them and run the import again.`)}\n`,
    );
    return EXIT.invalid;
  }
  if (!options.dryRun) {
    const writing = progressLine(context, 'Writing', 'vendor files', writes.length, { since });
    for (const [done, { target, text }] of writes.entries()) {
      writing.update(done);
      await writeFileAtomic(target, text);
    }
    writing.end();
  }

  const would = options.dryRun ? 'would be ' : '';
  const lines = [
    `${created.length} vendor file${created.length === 1 ? '' : 's'} ${would}created${created.length ? `: ${created.join(', ')}` : ''}.`,
    ...(updated.length ? [`${updated.length} ${would}updated from the spreadsheet (answers and comments kept): ${updated.join(', ')}.`] : []),
    ...(kept.length
      ? [
          `${kept.length} already existed and ${options.dryRun ? 'would be' : 'were'} kept as they are (pass --force to update their profile): ${kept.join(', ')}.`,
        ]
      : []),
  ];
  context.stderr.write(`${terminalLines(lines.join('\n'))}\n`);
  return EXIT.ok;
}

/**
 * Why aiclaim would refuse to read the vendor file about to be written, if it would: too large,
 * or not valid (the first problem). Each is said of the spreadsheet row it came from.
 */
function wouldRefuse(text: string, file: string, row: StackVendor, csv: string, index: QuestionnaireIndex): Problem[] {
  const where = { file: csv, line: row.line, column: 1, severity: 'error' as const };
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_INPUT_BYTES) {
    return [
      {
        ...where,
        message: `${file} would be ${formatBytes(bytes)}, more than the ${formatBytes(MAX_INPUT_BYTES)} aiclaim reads: nothing was imported`,
        hint: 'shorten what this row adds to the vendor file, or edit the file by hand',
      },
    ];
  }
  const loaded = loadVendor(text, file, index, row.id);
  if (loaded.ok) return [];
  const first = loaded.problems[0]!;
  return [
    {
      ...where,
      message: `${file} would not be a valid vendor file (${first.message}): nothing was imported`,
      hint: first.hint ?? 'fix the row in the spreadsheet and export it again',
    },
  ];
}

/** Text for a YAML comment: no character that ends the line. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, '?');
}

/** The vendor with the spreadsheet's profile fields; answers, claims and roadmap untouched. */
function withProfile(vendor: Vendor, row: StackVendor): Vendor {
  return {
    ...vendor,
    name: row.name,
    category: row.category,
    categoryLabel: row.categoryLabel,
    ...(row.product !== undefined ? { product: row.product } : {}),
    ...(row.website !== undefined ? { website: row.website } : {}),
    ...(row.owner !== undefined ? { owner: row.owner } : {}),
    ...(row.spend !== undefined ? { spend: row.spend } : {}),
    ...(row.renewal !== undefined ? { renewal: row.renewal } : {}),
  };
}

/** The spreadsheet's rows: a CSV, or the first sheet of a workbook (.xlsx). What cannot be read is refused, nothing written. */
async function stackTable(path: string, shown: string): Promise<StackTable> {
  if (isWorkbookName(path)) {
    const bytes = await readWorkbookBytes(path, shown);
    const { stackWorkbookTable } = await import('../core/inventory/stack-workbook.js');
    const workbook = await stackWorkbookTable(bytes, shown);
    if (!workbook.ok) throw new ProblemsError(workbook.problems);
    return workbook.table;
  }
  const read = await readInput(path, shown, 20 * 1024 * 1024);
  if (!read.ok) throw new ProblemsError([read.problem]);
  const csv = csvStackTable(read.text, shown);
  if (!csv.ok) throw new ProblemsError(csv.problems);
  return csv.table;
}
