import { resolve } from 'node:path';
import * as z from 'zod';
import { matrixRows, vendorRows } from '../core/inventory/export-rows.js';
import { csv } from '../render/csv.js';
import { writeFileAtomic } from '../shell/atomic-write.js';
import type { Context } from '../shell/context.js';
import { checkOutputTarget } from '../shell/output-target.js';
import { parseOptions } from '../shell/parse-options.js';
import { readingProgress } from '../shell/progress.js';
import { namedOrLatest, questionnaireOf } from '../shell/snapshots/store.js';
import { EXIT } from '../shell/user-error.js';
import { findWorkspace, announceSample } from '../shell/workspace.js';
import { shownPath } from '../shell/shown-path.js';
import { terminalLines, terminalSafe } from '../render/terminal-text.js';

const exportOptionsSchema = z.object({
  period: z.string().optional(),
  out: z.string().optional(),
  matrix: z.boolean().default(false),
  force: z.boolean().default(false),
});

export async function exportFindings(input: z.input<typeof exportOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(exportOptionsSchema, input);
  const workspace = await findWorkspace(context);
  announceSample(workspace, context, [options.period]);
  // A path that holds something else is refused before the snapshot is read.
  const target = options.out ? checkOutputTarget(resolve(context.cwd, options.out), options.out, 'csv', options.force) : undefined;
  // The rows are data when they go to standard output: no progress line then.
  const snapshot = await namedOrLatest(options.period, workspace, context.cwd, context.now(), readingProgress(context, { quiet: !target }));
  // Question texts and order come from the questionnaire only if it is the one the snapshot was scored with.
  const rows = options.matrix ? matrixRows(snapshot.findings, await questionnaireOf(snapshot, workspace, context.cwd)) : vendorRows(snapshot.findings);
  const text = csv(rows);
  if (target) {
    await writeFileAtomic(target, text);
    context.stderr.write(
      terminalLines(`Wrote ${shownPath(target, context.cwd)}: ${rows.length - 1} row${rows.length === 2 ? '' : 's'} from ${snapshot.shown}.\n`),
    );
  } else {
    // Read on a terminal, a name's escape sequence is shown, not obeyed; piped, it is the data as it is.
    context.stdout.write(context.stdout.isTTY ? csv(terminalSafe(rows)) : text);
  }
  return EXIT.ok;
}
