import { resolve } from 'node:path';
import * as z from 'zod';
import { DIFF_GATES } from '../core/gates.js';
import type { QuestionnaireIndex } from '../core/questionnaire-index.js';
import type { QuestionScore } from '../core/scoring/types.js';
import { isFinding } from '../core/findings/flag-ref.js';
import { renamesOf } from '../core/findings/question-classes.js';
import type { Findings } from '../core/schema/findings.js';
import { byLargestMove, diffFindings, type DiffOptions as CoreDiffOptions, type FindingsDiff } from '../core/tracking/diff-findings.js';
import { NOT_ASSESSED } from '../core/schema/questionnaire.js';
import { selectVendors } from '../core/select-vendors.js';
import { jsonPieces, jsonText } from '../render/json-text.js';
import { diffMarkdown } from '../render/diff-markdown.js';
import { diffTable, diffText, vendorDiffText } from '../render/diff-text.js';
import type { EconomicsChange } from '../core/economics/quarter-change.js';
import { economicsDiffMarkdown } from '../render/economics-change-markdown.js';
import { economicsDiffText } from '../render/economics-change-text.js';
import { terminalLines, terminalSafe } from '../render/terminal-text.js';
import { yamlPieces, yamlText } from '../render/yaml-text.js';
import { colourFor } from '../shell/colour.js';
import { editionPair } from '../shell/edition-pair.js';
import type { Context } from '../shell/context.js';
import { readQuestionnaire } from '../shell/load-inputs.js';
import { failOnOption } from '../shell/fail-on-option.js';
import { parseOptions } from '../shell/parse-options.js';
import { readingProgress } from '../shell/progress.js';
import { applySelection, selectionOf, selectionOptions } from '../shell/selection.js';
import { rescoreSnapshot, snapshotSources, type SnapshotSources } from '../shell/rescore.js';
import { economicsChanges } from '../shell/stack-quarters.js';
import { checkOrder, currentHeader, refuseTampered, resolveSnapshot } from '../shell/snapshots/store.js';
import { EXIT, UserError } from '../shell/user-error.js';
import { tableWidthOf } from '../shell/table-width.js';
import { writeText } from '../shell/write-text.js';
import { findWorkspace, questionnaireInUse, announceSample, snapshotRoot, userCacheDir } from '../shell/workspace.js';
import { didYouMean } from '../core/validate/did-you-mean.js';

const diffOptionsSchema = z.object({
  older: z.string(),
  newer: z.string(),
  format: z.enum(['table', 'json', 'yaml', 'markdown']).default('table'),
  failOn: failOnOption(DIFF_GATES),
  tolerance: z.number().min(0).max(100).optional(),
  threshold: z.number().min(0).max(100).optional(),
  vendor: z.string().optional(),
  rescore: z.boolean().default(false),
  oldVendors: z.string().optional(),
  newVendors: z.string().optional(),
  questionnaire: z.string().optional(),
  crosswalk: z.string().optional(),
  ...selectionOptions,
});

export type DiffOptions = z.input<typeof diffOptionsSchema>;

export async function diff(input: DiffOptions, context: Context): Promise<number> {
  const options = parseOptions(diffOptionsSchema, input);
  const workspace = await findWorkspace(context);
  announceSample(workspace, context, [options.older, options.newer]);
  // A snapshot an earlier aiclaim wrote is read with the header this one writes (currentHeader).
  const reading = readingProgress(context, { quiet: options.format === 'json' || options.format === 'yaml' });
  const older = await currentHeader(await resolveSnapshot(options.older, workspace, context.cwd, context.now(), reading), workspace, context.cwd);
  const newer = await currentHeader(await resolveSnapshot(options.newer, workspace, context.cwd, context.now(), reading), workspace, context.cwd);
  checkOrder(older, newer);
  // A snapshot edited by hand is refused before anything is compared.
  await refuseTampered([older, newer], workspace, context.cwd, reading);

  const { questionnaire, index } = await readQuestionnaire(
    await questionnaireInUse(workspace, options.questionnaire, context.cwd),
    context.cwd,
    userCacheDir(workspace),
  );
  const needSources = options.rescore || options.vendor !== undefined;
  // Vendor paths in a snapshot are relative to the workspace it belongs to, wherever diff runs from.
  const sources = needSources
    ? await Promise.all([
        snapshotSources(older.findings, snapshotRoot(older.path), index, options.oldVendors ? resolve(context.cwd, options.oldVendors) : undefined),
        snapshotSources(newer.findings, snapshotRoot(newer.path), index, options.newVendors ? resolve(context.cwd, options.newVendors) : undefined),
      ])
    : undefined;
  let rescored: CoreDiffOptions['rescored'];
  const explained: { before?: Map<string, QuestionScore>; after?: Map<string, QuestionScore> } = {};
  if (sources) {
    // With the vendor files of both quarters at hand, a vendor is scored again with one questionnaire.
    const [oldSources, newSources] = sources;
    const [b, a] = await Promise.all([
      rescoreSnapshot(older.findings, oldSources, questionnaire, workspace, context.cwd),
      rescoreSnapshot(newer.findings, newSources, questionnaire, workspace, context.cwd),
    ]);
    if (options.rescore) {
      rescored = rescoredPairs(
        older.findings,
        newer.findings,
        sources,
        { before: b.findings, after: a.findings },
        { older: '--old-vendors', newer: '--new-vendors' },
      );
      if (rescored.vendors.size === 0 && rescored.notRescored.length > 0) {
        throw new UserError(
          `--rescore: no vendor could be scored again for both ${older.findings.period} and ${newer.findings.period}: ${rescored.notRescored.map((n) => `${n.id} (${n.reason})`).join('; ')}`,
          {
            hint: 'name the folders holding the vendor files as they were with --old-vendors and --new-vendors, or give the questionnaire they declare with -q',
          },
        );
      }
    }
    if (options.vendor) {
      // Reasons are shown only where the scoring behind them is the one being compared.
      const both = rescored?.vendors.has(options.vendor) === true;
      if (both || b.findings.questionnaire.hash === older.findings.questionnaire.hash) explained.before = explanations(b.scores.get(options.vendor));
      if (both || a.findings.questionnaire.hash === newer.findings.questionnaire.hash) explained.after = explanations(a.scores.get(options.vendor));
    }
  }

  // Across editions: the newer one as it scored its quarter (its crosswalk, and the weights an older score is restated in).
  const across = older.findings.questionnaire.hash !== newer.findings.questionnaire.hash;
  const pair = across ? await editionPair(older, newer, workspace, context.cwd, { named: options.crosswalk, fallback: questionnaire }) : undefined;
  if (!across && options.crosswalk)
    context.stderr.write(
      `${terminalLines(`--crosswalk: both snapshots were scored with ${newer.findings.questionnaire.id} ${newer.findings.questionnaire.version}: there is nothing to cross`)}\n`,
    );
  const result = diffFindings(older.findings, newer.findings, {
    tolerance: options.tolerance ?? workspace.settings.thresholds.tolerance ?? 0,
    threshold: options.threshold ?? workspace.settings.thresholds.failUnder ?? 55,
    renamed: renamesOf(index),
    computed: computedQuestions(index),
    crosswalk: pair?.crosswalk.entries,
    crosswalkFile: pair?.crosswalk.file,
    newer: pair?.newer,
    definitions: pair?.definitions,
    rescored,
  });

  checkGate(result, options.failOn);
  const style = colourFor(context.stdout, context.env);
  if (options.vendor) {
    const vendor = result.vendors.find((v) => v.id === options.vendor);
    if (!vendor) throw unknownVendor(options.vendor, result);
    if (options.format === 'json') context.stdout.write(jsonText(vendor));
    else if (options.format === 'yaml') context.stdout.write(yamlText(vendor));
    else writeText(context.stdout, vendorText(result, vendor, explained, style, tableWidthOf(context.stdout)));
  } else {
    // What is printed may be a selection (the largest moves first); the counts and the gates cover every vendor.
    const selection = selectionOf(options, [...result.verdicts.map((v) => v.id), NOT_ASSESSED.id]);
    // --top keeps the largest moves; the vendors printed keep the diff's own order.
    const kept = new Set(
      applySelection([...result.vendors].sort(byLargestMove), selection, (v) => ({ verdict: v.after.verdict, category: v.category }), context).shown,
    );
    const shown = { shown: result.vendors.filter((v) => kept.has(v)) };
    const keep = (v: { verdict: string; category: string }) => selectVendors([v], { ...selection, top: undefined }, (x) => x).shown.length > 0;
    const printed = { ...result, vendors: shown.shown, added: result.added.filter(keep), dropped: result.dropped.filter(keep) };
    // The stack's figures are the whole stack's, whatever the selection prints.
    const [economics] = await economicsChanges([older.findings, newer.findings], workspace, context.cwd);
    for (const text of render(printed, economics!, options.format, style, tableWidthOf(context.stdout))) {
      if (options.format === 'table') writeText(context.stdout, text);
      else context.stdout.write(text);
    }
  }
  return failures(result, options.failOn, context);
}

/** One vendor's diff for the terminal: names, titles, answers and notes from files made safe first, together. */
function vendorText(
  result: FindingsDiff,
  vendor: FindingsDiff['vendors'][number],
  explained: { before?: Map<string, QuestionScore>; after?: Map<string, QuestionScore> },
  style: ReturnType<typeof colourFor>,
  width: number | undefined,
): string {
  const safe = terminalSafe({ result, vendor, explained });
  return vendorDiffText(safe.result, safe.vendor, safe.explained, style, width);
}

function computedQuestions(index: QuestionnaireIndex): Map<string, 'roadmap' | 'track-record'> {
  const map = new Map<string, 'roadmap' | 'track-record'>();
  for (const { question } of index.questions) {
    if (question.type === 'track-record') map.set(question.id, 'track-record');
    else if (question.type === 'list' && question.binds === 'roadmap') map.set(question.id, 'roadmap');
  }
  return map;
}

function explanations(score: { questions: QuestionScore[] } | undefined): Map<string, QuestionScore> | undefined {
  return score ? new Map(score.questions.map((q) => [q.id, q])) : undefined;
}

/** The vendors whose files were found for both quarters, and why each other vendor was not scored again. */
function rescoredPairs(
  older: Findings,
  newer: Findings,
  sources: readonly [SnapshotSources, SnapshotSources],
  findings: { before: Findings; after: Findings },
  flags: { older: string; newer: string },
): NonNullable<CoreDiffOptions['rescored']> {
  const [oldSources, newSources] = sources;
  const reasons = new Map<string, string[]>();
  for (const [side, period, flag] of [
    [oldSources, older.period, flags.older],
    [newSources, newer.period, flags.newer],
  ] as const) {
    // A file elsewhere can be named; one that declares another questionnaire needs that questionnaire.
    for (const m of side.missing)
      reasons.set(m.id, [...(reasons.get(m.id) ?? []), `${period}: ${m.reason}${m.kind === 'declares' ? '' : `; name the folder with ${flag}`}`]);
  }
  const inBoth = newer.vendors.filter((v) => older.vendors.some((o) => o.id === v.id)).map((v) => v.id);
  const vendors = new Set(inBoth.filter((id) => oldSources.vendors.has(id) && newSources.vendors.has(id)));
  const notRescored = inBoth.filter((id) => !vendors.has(id)).map((id) => ({ id, reason: (reasons.get(id) ?? ['not found']).join('; ') }));
  return { ...findings, vendors, notRescored };
}

function unknownVendor(id: string, result: FindingsDiff): UserError {
  const ids = result.vendors.map((v) => v.id);
  const only = [...result.added.map((v) => v.id), ...result.dropped.map((v) => v.id)];
  if (only.includes(id))
    return new UserError(`${id} is in only one of the two snapshots (added or dropped)`, { hint: 'the diff of a vendor needs it in both quarters' });
  return new UserError(`no vendor "${id}" in both snapshots`, { hint: didYouMean(id, ids) ?? `vendors: ${ids.join(', ')}` });
}

function render(
  result: FindingsDiff,
  economics: EconomicsChange,
  format: 'table' | 'json' | 'yaml' | 'markdown',
  style: ReturnType<typeof colourFor>,
  width: number | undefined,
): Iterable<string> {
  switch (format) {
    case 'json':
      // The whole landscape's changes can be hundreds of MB of JSON or YAML: written as they are made.
      return jsonPieces({ ...result, economics });
    case 'yaml':
      return yamlPieces({ ...result, economics });
    case 'markdown':
      return [`${diffMarkdown(result)}${economicsDiffMarkdown(economics).join('\n')}\n`];
    case 'table':
      return [`${diffText(terminalSafe(diffTable(result)), style, width)}${economicsDiffText(terminalSafe(economics), style, width).join('\n')}\n`];
  }
}

/** A regression gate with no comparable vendor checks nothing: refused before anything is printed. */
function checkGate(result: FindingsDiff, failOn: readonly (typeof DIFF_GATES)[number][]): void {
  if (!failOn.includes('regression') || result.vendors.length === 0 || result.vendors.some((v) => v.comparable)) return;
  throw new UserError(
    `--fail-on regression: nothing to check: no vendor's scores are comparable (${result.from.questionnaire.id} ${result.from.questionnaire.version} → ${result.to.questionnaire.id} ${result.to.questionnaire.version})`,
    { hint: 'pass --rescore to score both quarters with one questionnaire' },
  );
}

function failures(result: FindingsDiff, failOn: readonly (typeof DIFF_GATES)[number][], context: Context): number {
  const reasons: string[] = [];
  if (failOn.includes('regression')) {
    const regressed = result.vendors.filter((v) => v.movement === 'regressed');
    if (regressed.length)
      reasons.push(
        `${regressed.length} vendor${regressed.length === 1 ? '' : 's'} regressed by more than ${result.tolerance} points: ${regressed.map((v) => `${v.id} (${v.delta})`).join(', ')}`,
      );
    // A score given by another questionnaire is not a regression, nor a pass: it is said.
    const unchecked = result.vendors.filter((v) => !v.comparable);
    if (unchecked.length)
      context.stderr.write(
        `${terminalLines(`--fail-on regression: ${unchecked.length} vendor${unchecked.length === 1 ? '' : 's'} not checked, their scores not comparable: ${unchecked.map((v) => v.id).join(', ')}`)}\n`,
      );
  }
  if (failOn.includes('new-critical')) {
    // Findings only: a flag that waits on missing answers is a question, not a new critical finding.
    const name = (f: { id: string; subject?: string | undefined }) => (f.subject ? `${f.id} (${f.subject})` : f.id);
    const raised = [
      ...result.vendors.flatMap((v) => v.flagsRaised.filter((f) => f.severity === 'critical').map((f) => `${v.id}: ${name(f)}`)),
      ...result.added.flatMap((v) => v.redFlags.filter((f) => isFinding(f) && f.severity === 'critical').map((f) => `${v.id} (added): ${name(f)}`)),
    ];
    if (raised.length) reasons.push(`new critical red flag${raised.length === 1 ? '' : 's'}: ${raised.join(', ')}`);
  }
  for (const reason of reasons) context.stderr.write(`${terminalLines(reason)}\n`);
  return reasons.length ? EXIT.failed : EXIT.ok;
}
