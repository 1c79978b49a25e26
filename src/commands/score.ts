import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { SCORE_GATES } from '../core/gates.js';
import { findingsHeader, questionnaireHash } from '../core/findings/build-findings.js';
import { periodOfDate } from '../core/period.js';
import { sortProblems, type Problem } from '../core/problem.js';
import { period as periodSchema } from '../core/schema/common.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import { rankRows, rankTableRows, scoreTableRows, type ScoreRow, type TableRow } from '../core/scoring/score-rows.js';
import { NOT_ASSESSED, verdictsOf } from '../core/schema/questionnaire.js';
import { jsonPieces } from '../render/json-text.js';
import { explainText } from '../render/explain-text.js';
import { scoreCsv } from '../render/score-csv.js';
import { scoreMarkdown } from '../render/score-markdown.js';
import { scoreReportData, type ScoreReport } from '../render/score-report.js';
import { scoreTable, scoreTableChunks } from '../render/score-table.js';
import { terminalLines, terminalSafe } from '../render/terminal-text.js';
import { progressLine } from '../shell/progress.js';
import { writeText } from '../shell/write-text.js';
import { applySelection, selectionOf, selectionOptions } from '../shell/selection.js';
import { yamlPieces } from '../render/yaml-text.js';
import { colourFor } from '../shell/colour.js';
import type { Context } from '../shell/context.js';
import { expandPaths } from '../shell/expand-paths.js';
import { guardSnapshot, historyBefore, snapshotIndex, snapshotPath, writeSnapshotFromParts } from '../shell/snapshots/store.js';
import { readQuestionnaire } from '../shell/load-inputs.js';
import { withLock } from '../shell/lock.js';
import { toolName } from '../shell/package-root.js';
import { checkOutputTarget } from '../shell/output-target.js';
import { failOnOption } from '../shell/fail-on-option.js';
import { parseOptions } from '../shell/parse-options.js';
import { printProblems } from '../shell/print-problems.js';
import type { BatchItem, BatchSettings, Keep } from '../shell/score-batch.js';
import { jobsFor, scoreInParallel } from '../shell/score-parallel.js';
import { EXIT, UserError } from '../shell/user-error.js';
import { findWorkspace, questionnaireInUse, refuseSample, announceSample, snapshotCacheDir, userCacheDir, type Workspace } from '../shell/workspace.js';
import { shownPath } from '../shell/shown-path.js';
import { tableWidthOf } from '../shell/table-width.js';

const SCORE_FORMATS = ['table', 'json', 'yaml', 'markdown', 'csv'] as const;

const scoreOptionsSchema = z.object({
  paths: z.array(z.string()).default([]),
  format: z.enum(SCORE_FORMATS).optional(),
  explain: z.boolean().default(false),
  period: periodSchema.optional(),
  out: z.string().optional(),
  force: z.boolean().default(false),
  failUnder: z.number().min(0).max(100).optional(),
  failOn: failOnOption(SCORE_GATES),
  questionnaire: z.string().optional(),
  jobs: z.number().int().min(0).max(256).optional(),
  reuse: z.boolean().default(true),
  ...selectionOptions,
});

export type ScoreOptions = z.input<typeof scoreOptionsSchema>;

export async function score(input: ScoreOptions, context: Context): Promise<number> {
  const options = parseOptions(scoreOptionsSchema, input);
  const format = options.format ?? 'table';
  const workspace = await findWorkspace(context);
  announceSample(workspace, context, options.paths);

  const { questionnaire, warnings } = await readQuestionnaire(
    await questionnaireInUse(workspace, options.questionnaire, context.cwd),
    context.cwd,
    userCacheDir(workspace),
  );
  const selection = selectionOf(options, [...verdictsOf(questionnaire).verdicts.map((v) => v.id), NOT_ASSESSED.id]);
  if (options.paths.length === 0 && !existsSync(workspace.vendorsDir)) {
    throw new UserError(`no vendors folder here (${shownPath(workspace.vendorsDir, context.cwd)})`, {
      hint: 'run `aiclaim init` to create a workspace, pass vendor files, folders or globs, or try the bundled sample: aiclaim --sample score',
    });
  }
  const expanded = await expandPaths(options.paths.length ? options.paths : [workspace.vendorsDir], context.cwd);

  const currentPeriod = periodOfDate(context.now());
  const period = options.period ?? currentPeriod;
  // An --out that holds anything but this quarter's snapshot is refused before anything is locked or read.
  // The bundled sample is read, never written: a snapshot of it goes only to a file the user names.
  if (options.period && !options.out) refuseSample(workspace, 'run `aiclaim init` to start your own, or write the snapshot elsewhere with --out FILE');
  const target = options.period
    ? options.out
      ? checkOutputTarget(resolve(context.cwd, options.out), options.out, 'snapshot', options.force, options.period)
      : snapshotPath(workspace, options.period)
    : undefined;
  const run = async () => {
    if (target) guardSnapshot(target, shownPath(target, context.cwd), period, currentPeriod, options.force);
    const history = await historyBefore(workspace.findingsDir, period, context.cwd, userCacheDir(workspace));
    const reuse = options.reuse
      ? await reusableFindings(target ?? snapshotPath(workspace, period), questionnaire, history.digest, period, workspace, context)
      : undefined;
    // With a snapshot to write, each vendor's part of it goes to disk as it is scored.
    const partDir = target ? await mkdtemp(join(tmpdir(), 'aiclaim-score-')) : undefined;
    try {
      // On a terminal, past a second: how many files are scored, at what rate, how long is left.
      const progress = progressLine(context, 'Scoring', 'files', expanded.files.length, { quiet: format === 'json' || format === 'yaml' });
      const scoreAll = <K extends Keep>(keep: K) =>
        scoreInParallel(
          expanded.files,
          {
            questionnaire,
            period,
            explain: options.explain,
            history: history.vendors,
            root: workspace.root,
            reuse,
            keep,
            onScored: (done) => progress.update(done),
          },
          jobsFor(options.jobs),
          partDir ? (i) => ({ yaml: join(partDir, `${i}.yaml`), json: join(partDir, `${i}.jsonl`) }) : undefined,
        ).finally(() => progress.end());
      // With only the table to print, each vendor keeps what the table reads, not its whole finding.
      const tableOnly = format === 'table' && !options.explain;
      const result = tableOnly
        ? scored(await scoreAll('table'), (entries) => ({ kind: 'table', rows: rankTableRows(findingsOf(entries), questionnaire) }))
        : scored(await scoreAll('finding'), (entries) => ({ kind: 'full', rows: rankRows(entries, questionnaire) }));
      const { ranked, parts, reused, problems: itemProblems } = result;
      const problems: Problem[] = sortProblems([...warnings, ...expanded.problems, ...itemProblems]);
      const errors = problems.filter((p) => p.severity === 'error');
      printProblems(problems, context);
      // What is printed may be a selection; the snapshot and the gates below count every vendor.
      const select = <T extends { finding: { verdict: string; category: string } }>(rows: T[]) =>
        applySelection(rows, selection, (r) => r.finding, context).shown;
      const shown: Ranked = ranked.kind === 'table' ? { kind: 'table', rows: select(ranked.rows) } : { kind: 'full', rows: select(ranked.rows) };
      const report = {
        period,
        questionnaire: { id: questionnaire.id, version: questionnaire.version, hash: questionnaireHash(questionnaire), title: questionnaire.title },
        invalid: errors,
      };
      const pieces = render(report, shown, {
        format,
        explain: options.explain,
        terminal: context.stdout.isTTY === true,
        style: colourFor(context.stdout, context.env),
        width: tableWidthOf(context.stdout),
      });
      for (const text of pieces) {
        if (format === 'table') writeText(context.stdout, text);
        else context.stdout.write(text);
      }
      if (target) {
        if (errors.length > 0) {
          context.stderr.write(
            `Findings not written: ${errors.length} input problem${errors.length === 1 ? '' : 's'} above; a snapshot with vendors missing would read as vendors dropped. Fix them and run again.\n`,
          );
        } else {
          const header = findingsHeader({ period, questionnaire, tool: toolName(), history: history.digest });
          await writeSnapshotFromParts(target, header, parts, workspace);
          context.stderr.write(
            terminalLines(
              `Wrote ${shownPath(target, context.cwd)}: ${parts.length} vendor${parts.length === 1 ? '' : 's'}, ${period}${reused ? ` (${reused} unchanged since the last run, not read again)` : ''}.\n`,
            ),
          );
        }
      }
      const gated: readonly Gated[] = ranked.rows;
      return { gated, errors };
    } finally {
      if (partDir) await rm(partDir, { recursive: true, force: true });
    }
  };
  // Two runs writing the same snapshot at once would each overwrite the other's: the second is refused, told which process holds the lock.
  const { gated, errors } = target ? await withLock(target, shownPath(target, context.cwd), run) : await run();
  if (errors.length > 0) return EXIT.invalid;

  let failed = false;
  const failUnder = options.failUnder ?? workspace.settings.thresholds.failUnder;
  if (failUnder !== undefined) {
    // A vendor not assessed has no score to be under: it fails a run only with --fail-on not-assessed.
    const below = gated.filter((r) => r.finding.score !== null && r.finding.score < failUnder);
    if (below.length > 0) {
      context.stderr.write(
        terminalLines(
          `${below.length} vendor${below.length === 1 ? '' : 's'} scored under ${failUnder}: ${below.map((r) => `${r.finding.id} (${r.finding.score})`).join(', ')}\n`,
        ),
      );
      failed = true;
    }
  }
  if (options.failOn.includes('not-assessed')) {
    const unassessed = gated.filter((r) => r.finding.score === null);
    if (unassessed.length > 0) {
      context.stderr.write(
        terminalLines(
          `${unassessed.length} vendor${unassessed.length === 1 ? ' is' : 's are'} not assessed: ${unassessed.map((r) => r.finding.id).join(', ')}\n`,
        ),
      );
      failed = true;
    }
  }
  return failed ? EXIT.failed : EXIT.ok;
}

type Entry<S> = { finding: S; file: string; explain?: BatchItem['score']; part?: BatchItem['part']; chunks?: BatchItem['chunks'] };
/** Where each vendor's part of the snapshot was written, in file order. */
type SnapshotParts = Parameters<typeof writeSnapshotFromParts>[2];

/** The rows of a run, ranked: the table's alone, or each vendor's whole row (every other format, and --explain). */
type Ranked = { kind: 'table'; rows: TableRow[] } | { kind: 'full'; rows: ScoreRow[] };
/** What the gates (--fail-under, --fail-on) read of a row. */
type Gated = { finding: { id: string; score: number | null } };

/** The scored files' findings ranked by `rank`, where each vendor's part of the snapshot is, how many were reused, and the problems. */
function scored<S extends { id: string }>(
  items: readonly BatchItem<S>[],
  rank: (entries: Entry<S>[]) => Ranked,
): { ranked: Ranked; parts: SnapshotParts; reused: number; problems: Problem[] } {
  const { entries, problems } = collect(items);
  return {
    ranked: rank(entries),
    parts: entries.map((e) => ({ id: e.finding.id, part: e.part!, chunks: e.chunks! })),
    reused: items.filter((i) => i.reused).length,
    problems,
  };
}

const findingsOf = <S>(entries: readonly Entry<S>[]): S[] => entries.map((e) => e.finding);

/** Findings, in file order; a vendor id used by two files is a problem for the second. */
function collect<S extends { id: string }>(items: readonly BatchItem<S>[]): { entries: Entry<S>[]; problems: Problem[] } {
  const entries: Entry<S>[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const item of items) {
    problems.push(...item.problems);
    if (!item.summary) continue;
    const first = seen.get(item.summary.id);
    if (first) {
      problems.push({
        file: item.file.shown,
        message: `vendor id "${item.summary.id}" is already used by ${first}`,
        hint: 'each vendor has one file; remove or rename the copy',
        severity: 'error',
      });
      continue;
    }
    seen.set(item.summary.id, item.file.shown);
    entries.push({ finding: item.summary, file: item.file.shown, explain: item.score, part: item.part, chunks: item.chunks });
  }
  return { entries, problems };
}

/**
 * The findings of the last run for this quarter, if they were scored exactly as this run would
 * score: same questionnaire, same aiclaim version, same history. Their unchanged files are not read again.
 */
async function reusableFindings(
  path: string,
  questionnaire: Questionnaire,
  history: string,
  period: string,
  workspace: Workspace,
  context: Context,
): Promise<BatchSettings['reuse']> {
  const cacheDir = snapshotCacheDir(workspace);
  if (!existsSync(path) || !cacheDir) return undefined;
  const earlier = await snapshotIndex(path, shownPath(path, context.cwd), cacheDir).catch(() => undefined);
  const h = earlier?.header;
  if (!earlier || !h || h.period !== period || h.tool !== toolName() || h.history !== history || h.questionnaire.hash !== questionnaireHash(questionnaire))
    return undefined;
  return { path: earlier.path, vendors: earlier.vendors };
}

/** How a run prints: the format, with --explain or not, to a terminal or not, in which colours, fitted to what width. */
interface Printing {
  format: (typeof SCORE_FORMATS)[number];
  explain: boolean;
  terminal: boolean;
  style: ReturnType<typeof colourFor>;
  width: number | undefined;
}

function render(report: Omit<ScoreReport, 'rows'>, ranked: Ranked, printing: Printing): Iterable<string> {
  if (ranked.rows.length === 0 && printing.format === 'table') return ['No vendors scored.\n'];
  // Names, claims, answers and reasons come from files: made safe for the terminal once, here
  // (without --explain, only what the table reads). The table alone comes in pieces, drawn as written.
  if (ranked.kind === 'table') return scoreTableChunks(terminalSafe(ranked.rows), printing.style, printing.width);
  // JSON and YAML are written as they are made; every other format is one text.
  const full = { ...report, rows: ranked.rows };
  if (printing.format === 'json') return jsonPieces(scoreReportData(full, printing.explain));
  if (printing.format === 'yaml') return yamlPieces(scoreReportData(full, printing.explain));
  return [renderFull(full, { ...printing, format: printing.format })];
}

/** Every format but the table alone, JSON and YAML, from the rows ranked in full. */
function renderFull(
  full: ScoreReport,
  { format, explain, terminal, style, width }: Printing & { format: Exclude<Printing['format'], 'json' | 'yaml'> },
): string {
  switch (format) {
    case 'markdown':
      return scoreMarkdown(full, explain);
    case 'csv':
      // CSV read on a terminal shows a name's escape sequence, not obeys it; piped, it is the data as it is.
      return scoreCsv(terminal ? { ...full, rows: terminalSafe(full.rows) } : full, explain);
    case 'table': {
      const rows = terminalSafe(full.rows);
      return `${scoreTable(scoreTableRows(rows), style, width)}\n${explainText(rows, style)}`;
    }
  }
}
