import { resolve } from 'node:path';
import * as z from 'zod';
import { sortTrend, trend, TREND_SORTS } from '../core/tracking/trend.js';
import { terminalSafe } from '../render/terminal-text.js';
import { trendMarkdown, trendText } from '../render/trend-text.js';
import { yamlText } from '../render/yaml-text.js';
import { colourFor } from '../shell/colour.js';
import type { Context } from '../shell/context.js';
import { parseOptions } from '../shell/parse-options.js';
import { refuseTampered, snapshotsIn } from '../shell/snapshots/store.js';
import { EXIT, UserError } from '../shell/user-error.js';
import { findWorkspace, sampleNotice, userCacheDir } from '../shell/workspace.js';
import { shownPath } from '../shell/shown-path.js';

const trendOptionsSchema = z.object({
  dir: z.string().optional(),
  format: z.enum(['table', 'json', 'yaml', 'markdown']).default('table'),
  sort: z.enum(TREND_SORTS).default('score'),
});

export async function trendCommand(input: z.input<typeof trendOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(trendOptionsSchema, input);
  const workspace = await findWorkspace(context);
  const notice = sampleNotice(workspace, context.cwd, [options.dir]);
  if (notice) context.stderr.write(`${notice}\n`);
  const dir = options.dir ? resolve(context.cwd, options.dir) : workspace.findingsDir;
  const snapshots = await snapshotsIn(dir, context.cwd, userCacheDir(workspace));
  if (snapshots.length === 0) {
    throw new UserError(`no findings snapshots in ${shownPath(dir, context.cwd)}`, { hint: 'write one per quarter with `aiclaim score --period YYYY-Qn`' });
  }
  await refuseTampered(snapshots, workspace, context.cwd);
  const result = trend(snapshots.map((s) => s.findings));
  const vendors = sortTrend(result.vendors, options.sort);
  switch (options.format) {
    case 'json':
      context.stdout.write(`${JSON.stringify({ periods: result.periods, editions: result.editions, verdicts: result.verdicts, risks: result.risks, vendors }, null, 2)}\n`);
      break;
    case 'yaml':
      context.stdout.write(yamlText({ periods: result.periods, editions: result.editions, verdicts: result.verdicts, risks: result.risks, vendors }));
      break;
    case 'markdown':
      context.stdout.write(trendMarkdown(result, vendors));
      break;
    case 'table': {
      const safe = terminalSafe({ result, vendors });
      context.stdout.write(trendText(safe.result, safe.vendors, colourFor(context.stdout, context.env)));
    }
  }
  return EXIT.ok;
}
