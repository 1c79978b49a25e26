import * as z from 'zod';
import { stackEconomics } from '../core/economics/stack-economics.js';
import { stackMarkdown } from '../render/stack-markdown.js';
import { stackText } from '../render/stack-text.js';
import { terminalSafe } from '../render/terminal-text.js';
import { colourFor } from '../shell/colour.js';
import type { Context } from '../shell/context.js';
import { parseOptions } from '../shell/parse-options.js';
import { readingProgress } from '../shell/progress.js';
import { namedOrLatest, questionnaireOf } from '../shell/snapshots/store.js';
import { stackInput } from '../shell/stack-quarters.js';
import { tableWidthOf } from '../shell/table-width.js';
import { EXIT } from '../shell/user-error.js';
import { announceSample, findWorkspace } from '../shell/workspace.js';

const stackOptionsSchema = z.object({
  period: z.string().optional(),
  format: z.enum(['table', 'json', 'markdown']).default('table'),
});

export async function stack(input: z.input<typeof stackOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(stackOptionsSchema, input);
  const workspace = await findWorkspace(context);
  announceSample(workspace, context, [options.period]);
  const snapshot = await namedOrLatest(options.period, workspace, context.cwd, context.now(), readingProgress(context, { quiet: options.format === 'json' }));
  const economics = stackEconomics(await stackInput(snapshot, workspace, context.cwd, await questionnaireOf(snapshot, workspace, context.cwd)));
  switch (options.format) {
    case 'json':
      context.stdout.write(`${JSON.stringify(economics, null, 2)}\n`);
      break;
    case 'markdown':
      context.stdout.write(stackMarkdown(economics));
      break;
    case 'table':
      context.stdout.write(stackText(terminalSafe(economics), colourFor(context.stdout, context.env), tableWidthOf(context.stdout)));
  }
  return EXIT.ok;
}
