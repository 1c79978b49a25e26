import { resolve } from 'node:path';
import * as z from 'zod';
import { reportModel } from '../core/report/report-model.js';
import { reportHtml } from '../render/report-html.js';
import { reportMarkdown } from '../render/report-markdown.js';
import { writeFileAtomic } from '../shell/atomic-write.js';
import type { Context } from '../shell/context.js';
import { toolName } from '../shell/package-root.js';
import { checkOutputTarget } from '../shell/output-target.js';
import { parseOptions } from '../shell/parse-options.js';
import { latestBefore, namedOrLatest, questionnaireOf } from '../shell/snapshots/store.js';
import { EXIT } from '../shell/user-error.js';
import { findWorkspace, sampleNotice } from '../shell/workspace.js';
import { shownPath } from '../shell/shown-path.js';
import { terminalLines } from '../render/terminal-text.js';

const reportOptionsSchema = z.object({
  period: z.string().optional(),
  out: z.string().optional(),
  format: z.enum(['html', 'markdown']).optional(),
  force: z.boolean().default(false),
});

export async function report(input: z.input<typeof reportOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(reportOptionsSchema, input);
  const workspace = await findWorkspace(context);
  const notice = sampleNotice(workspace, context.cwd, [options.period]);
  if (notice) context.stderr.write(`${notice}\n`);
  // A path that holds something else is refused before any snapshot is read.
  const target = options.out ? checkOutputTarget(resolve(context.cwd, options.out), options.out, 'report', options.force) : undefined;
  const current = await namedOrLatest(options.period, workspace, context.cwd);
  // Only the quarter before is read: each snapshot can be tens of megabytes.
  const previous = await latestBefore(current.findings.period, workspace, context.cwd).catch(() => undefined);
  const questionnaire = await questionnaireOf(current, workspace, context.cwd);
  const model = reportModel({ current: current.findings, previous: previous?.findings, questionnaire });
  const source = { file: current.shown, tool: toolName() };
  const format = options.format ?? (options.out && /\.(md|markdown)$/i.test(options.out) ? 'markdown' : 'html');
  const text = format === 'markdown' ? reportMarkdown(model, source) : reportHtml(model, source);
  if (target) {
    await writeFileAtomic(target, text);
    context.stderr.write(terminalLines(`Wrote ${shownPath(target, context.cwd)}: the ${current.findings.period} report (${format}).\n`));
  } else {
    context.stdout.write(text);
  }
  return EXIT.ok;
}
