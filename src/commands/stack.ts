import { resolve } from 'node:path';
import * as z from 'zod';
import { stackEconomics } from '../core/economics/stack-economics.js';
import { stackRows } from '../core/economics/stack-rows.js';
import { jsonText } from '../render/json-text.js';
import { stackCsv } from '../render/stack-csv.js';
import { stackMarkdown } from '../render/stack-markdown.js';
import { stackText } from '../render/stack-text.js';
import { terminalLines, terminalSafe } from '../render/terminal-text.js';
import { writeFileAtomic } from '../shell/atomic-write.js';
import { colourFor } from '../shell/colour.js';
import type { Context } from '../shell/context.js';
import { checkOutputTarget } from '../shell/output-target.js';
import { parseOptions } from '../shell/parse-options.js';
import { readingProgress } from '../shell/progress.js';
import { shownPath } from '../shell/shown-path.js';
import { namedOrLatest, questionnaireOf } from '../shell/snapshots/store.js';
import { stackInput } from '../shell/stack-quarters.js';
import { tableWidthOf } from '../shell/table-width.js';
import { writeText } from '../shell/write-text.js';
import { EXIT, UserError } from '../shell/user-error.js';
import { announceSample, findWorkspace } from '../shell/workspace.js';

const stackOptionsSchema = z.object({
  period: z.string().optional(),
  /** Default: xlsx when --out ends in .xlsx, csv with any other --out, else the table. */
  format: z.enum(['table', 'json', 'markdown', 'csv', 'xlsx']).optional(),
  out: z.string().optional(),
  force: z.boolean().default(false),
});

export async function stack(input: z.input<typeof stackOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(stackOptionsSchema, input);
  const format = options.format ?? (options.out === undefined ? 'table' : /\.xlsx$/i.test(options.out) ? 'xlsx' : 'csv');
  // Refused before anything is read: the usage is wrong whatever the workspace holds.
  if (format === 'xlsx' && options.out === undefined)
    throw new UserError('the stack workbook (xlsx) is written to a file, not to standard output', {
      hint: 'add -o stack.xlsx (or -f csv for standard output)',
    });
  if (options.out !== undefined && format !== 'csv' && format !== 'xlsx')
    throw new UserError(`--out writes the stack's figures as CSV or XLSX, not as ${format}`, {
      hint: `give -f csv or -f xlsx, or leave out --out and redirect: aiclaim stack -f ${format} > stack.${format === 'markdown' ? 'md' : format === 'json' ? 'json' : 'txt'}`,
    });
  const workspace = await findWorkspace(context);
  announceSample(workspace, context, [options.period]);
  // A path that holds something else is refused before the snapshot is read.
  const target = options.out === undefined ? undefined : checkOutputTarget(resolve(context.cwd, options.out), options.out, 'stack-export', options.force);
  // The figures are data when they go to standard output: no progress line then.
  const quiet = format === 'json' || (format === 'csv' && !target);
  const snapshot = await namedOrLatest(options.period, workspace, context.cwd, context.now(), readingProgress(context, { quiet }));
  const economics = stackEconomics(await stackInput(snapshot, workspace, context.cwd, await questionnaireOf(snapshot, workspace, context.cwd)));
  switch (format) {
    case 'json':
      context.stdout.write(jsonText(economics));
      break;
    case 'markdown':
      context.stdout.write(stackMarkdown(economics));
      break;
    case 'table':
      writeText(context.stdout, stackText(terminalSafe(economics), colourFor(context.stdout, context.env), tableWidthOf(context.stdout)));
      break;
    case 'csv':
    case 'xlsx': {
      const rows = stackRows(economics);
      if (!target) {
        // Read on a terminal, a name's escape sequence is shown, not acted on; piped, it is the data as it is.
        context.stdout.write(stackCsv(context.stdout.isTTY ? terminalSafe(rows) : rows));
        break;
      }
      const bytes =
        format === 'xlsx'
          ? await (
              await import('../render/stack-xlsx.js')
            ).stackXlsx(rows, { period: economics.period, currency: economics.currency, ratesAsOf: economics.ratesAsOf })
          : stackCsv(rows);
      await writeFileAtomic(target, bytes);
      context.stderr.write(
        terminalLines(
          `Wrote ${shownPath(target, context.cwd)}: the ${economics.period} stack ${format === 'xlsx' ? 'workbook' : 'CSV'}, ${rows.length} figures from ${snapshot.shown}.\n`,
        ),
      );
    }
  }
  return EXIT.ok;
}
