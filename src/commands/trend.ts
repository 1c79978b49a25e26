import { resolve } from 'node:path';
import * as z from 'zod';
import type { Bridge } from '../core/tracking/restate-score.js';
import { sortTrend, trend, TREND_SORTS, type Bridges } from '../core/tracking/trend.js';
import { jsonPieces } from '../render/json-text.js';
import { terminalSafe } from '../render/terminal-text.js';
import { trendMarkdown, trendText } from '../render/trend-text.js';
import { economicsTrendMarkdown } from '../render/economics-change-markdown.js';
import { economicsTrendText } from '../render/economics-change-text.js';
import { yamlPieces } from '../render/yaml-text.js';
import { colourFor } from '../shell/colour.js';
import type { Context } from '../shell/context.js';
import { parseOptions } from '../shell/parse-options.js';
import { readingProgress } from '../shell/progress.js';
import { applySelection, selectionOf, selectionOptions } from '../shell/selection.js';
import { readCrosswalk } from '../shell/crosswalks.js';
import { bridgeFor, editionPair } from '../shell/edition-pair.js';
import { currentHeader, refuseTampered, snapshotsIn, type LoadedSnapshot } from '../shell/snapshots/store.js';
import { economicsChanges } from '../shell/stack-quarters.js';
import { EXIT, UserError } from '../shell/user-error.js';
import { findWorkspace, announceSample, userCacheDir, type Workspace } from '../shell/workspace.js';
import { shownPath } from '../shell/shown-path.js';
import { tableWidthOf } from '../shell/table-width.js';
import { writeText } from '../shell/write-text.js';

const trendOptionsSchema = z.object({
  dir: z.string().optional(),
  format: z.enum(['table', 'json', 'yaml', 'markdown']).default('table'),
  sort: z.enum(TREND_SORTS).default('score'),
  crosswalk: z.string().optional(),
  ...selectionOptions,
});

export async function trendCommand(input: z.input<typeof trendOptionsSchema>, context: Context): Promise<number> {
  const options = parseOptions(trendOptionsSchema, input);
  const workspace = await findWorkspace(context);
  announceSample(workspace, context, [options.dir]);
  const dir = options.dir ? resolve(context.cwd, options.dir) : workspace.findingsDir;
  // Snapshots an earlier aiclaim wrote are read with the header this one writes (currentHeader).
  const reading = readingProgress(context, { quiet: options.format === 'json' || options.format === 'yaml' });
  const snapshots = await Promise.all(
    (await snapshotsIn(dir, context.cwd, userCacheDir(workspace), reading)).map((s) => currentHeader(s, workspace, context.cwd)),
  );
  if (snapshots.length === 0) {
    throw new UserError(`no findings snapshots in ${shownPath(dir, context.cwd)}`, { hint: 'write one per quarter with `aiclaim score --period YYYY-Qn`' });
  }
  await refuseTampered(snapshots, workspace, context.cwd, reading);
  const result = trend(
    snapshots.map((s) => s.findings),
    await bridges(snapshots, workspace, context.cwd, options.crosswalk),
  );
  // What is printed may be a selection of the sorted vendors (said on stderr, with how many there are).
  const selection = selectionOf(
    options,
    result.verdicts.map((v) => v.id),
  );
  const vendors = applySelection(
    sortTrend(result.vendors, options.sort),
    selection,
    (v) => ({ verdict: v.latest.verdict, category: v.category }),
    context,
  ).shown;
  // The stack's figures from each snapshot to the next: the whole stack's, whatever the selection prints.
  const economics = await economicsChanges(
    snapshots.map((s) => s.findings),
    workspace,
    context.cwd,
  );
  const data = { periods: result.periods, editions: result.editions, verdicts: result.verdicts, risks: result.risks, vendors, economics };
  switch (options.format) {
    case 'json':
      for (const piece of jsonPieces(data)) context.stdout.write(piece);
      break;
    case 'yaml':
      for (const piece of yamlPieces(data)) context.stdout.write(piece);
      break;
    case 'markdown':
      context.stdout.write(`${trendMarkdown(result, vendors)}${linesText(economicsTrendMarkdown(economics))}`);
      break;
    case 'table': {
      const safe = terminalSafe({ result, vendors, economics });
      const width = tableWidthOf(context.stdout);
      const style = colourFor(context.stdout, context.env);
      writeText(context.stdout, `${trendText(safe.result, safe.vendors, style, width)}${linesText(economicsTrendText(safe.economics, style, width))}`);
    }
  }
  return EXIT.ok;
}

/** Lines as text that ends in a line break; none: nothing. */
const linesText = (lines: readonly string[]) => (lines.length ? `${lines.join('\n')}\n` : '');

/**
 * Each earlier edition's bridge to the latest, where the latest questionnaire is at hand: by the
 * crosswalk named (for the edition it maps from), else as diff finds one (crosswalks.ts).
 */
async function bridges(snapshots: readonly LoadedSnapshot[], workspace: Workspace, cwd: string, named: string | undefined): Promise<Bridges> {
  const latest = snapshots.at(-1)!;
  const earlier = [
    ...new Map(
      snapshots.filter((s) => s.findings.questionnaire.hash !== latest.findings.questionnaire.hash).map((s) => [s.findings.questionnaire.hash, s]),
    ).values(),
  ];
  const file = named === undefined ? undefined : await readCrosswalk(resolve(cwd, named), cwd);
  const joins = (s: LoadedSnapshot) =>
    file !== undefined && file.from.questionnaire === s.findings.questionnaire.id && file.from.version === s.findings.questionnaire.version;
  if (file && !earlier.some(joins)) {
    const editions = [...new Set(snapshots.map((s) => `${s.findings.questionnaire.id} ${s.findings.questionnaire.version}`))].join(', ');
    throw new UserError(
      `--crosswalk ${shownPath(resolve(cwd, named!), cwd)} maps from ${file.from.questionnaire} ${file.from.version}, an edition none of these snapshots was scored with before the latest (${editions})`,
      { hint: 'name the crosswalk from an earlier edition to the latest one' },
    );
  }
  const out = new Map<string, { bridge: Bridge; crosswalk?: string | undefined }>();
  for (const s of earlier) {
    const pair = await editionPair(s, latest, workspace, cwd, { named: joins(s) ? named : undefined });
    const bridge = bridgeFor(s.findings, latest.findings, pair);
    if (bridge) out.set(s.findings.questionnaire.hash, { bridge, crosswalk: pair.crosswalk.file });
  }
  return out;
}
