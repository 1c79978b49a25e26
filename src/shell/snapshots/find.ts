import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { checkFindings } from '../../core/findings/check-findings.js';
import { comparePeriods, PERIOD_PATTERN, periodOfDate } from '../../core/period.js';
import type { Findings } from '../../core/schema/findings.js';
import type { Questionnaire } from '../../core/schema/questionnaire.js';
import { listSnapshots, type SnapshotEntry } from './list.js';
import type { ReadingProgress } from '../progress.js';
import { readSnapshotAndCache } from './read.js';
import { selfCheckMark, type CachedAs } from './self-check-mark.js';
import { findEdition } from '../find-edition.js';
import { ProblemsError, UserError } from '../user-error.js';
import { snapshotRoot, userCacheDir, type Workspace } from '../workspace.js';
import { shownPath } from '../shown-path.js';

// Findings snapshots named on the command line: a file, or a quarter looked up in findings/.

export interface LoadedSnapshot {
  findings: Findings;
  path: string;
  shown: string;
  /** The workspace cache entry the findings were read from, when they were (self-check-mark.ts). */
  cached?: CachedAs | undefined;
}

/**
 * `today`: what the hint for a missing quarter may suggest (a quarter not started cannot be scored).
 * `reading`: a progress line while a snapshot's YAML is read (readingProgress in progress.ts).
 */
export async function resolveSnapshot(arg: string, workspace: Workspace, cwd: string, today?: Date, reading?: ReadingProgress): Promise<LoadedSnapshot> {
  const asPath = resolve(cwd, arg);
  if (existsSync(asPath)) return loadChecked(asPath, cwd, userCacheDir(workspace), reading);
  if (!PERIOD_PATTERN.test(arg)) {
    throw new UserError(`${arg}: no such findings file`, { hint: 'give a findings file, or a quarter such as 2026-Q3 to look up in findings/' });
  }
  // Only the snapshot asked for is read in full: each can be tens of megabytes.
  const files = await listSnapshots(workspace.findingsDir, cwd);
  const found: LoadedSnapshot[] = [];
  for (const file of files.filter((f) => f.period === arg || f.period === undefined)) {
    const loaded = await loadChecked(file.path, cwd, userCacheDir(workspace), reading);
    if (loaded.findings.period === arg) found.push(loaded);
  }
  if (found.length > 1) throw twoForOnePeriod(arg, found);
  if (found.length === 0) {
    const have = [...new Set(files.map((f) => f.period).filter((p): p is string => p !== undefined))].sort(comparePeriods);
    throw new UserError(`no findings snapshot for ${arg} in ${shownPath(workspace.findingsDir, cwd)}`, {
      hint: missingHint(arg, have, workspace, today),
    });
  }
  return found[0]!;
}

/** What to do about a quarter with no snapshot: never a command that would then be refused. */
function missingHint(period: string, have: readonly string[], workspace: Workspace, today: Date | undefined): string {
  const there = have.length ? `snapshots there: ${have.join(', ')}` : 'there is no snapshot yet';
  if (workspace.isSample) return `${there}; the bundled sample is read, never written: run \`aiclaim init\` to score quarters of your own`;
  if (today && comparePeriods(period, periodOfDate(today)) > 0) return `${there}; ${period} has not started yet (it is ${periodOfDate(today)})`;
  return `${there}; write one with \`aiclaim score --period ${period}\``;
}

function twoForOnePeriod(period: string, same: readonly LoadedSnapshot[]): UserError {
  return new UserError(`two snapshots hold ${period}: ${same.map((s) => s.shown).join(' and ')}`, {
    hint: 'keep one snapshot per quarter (move or delete the other)',
  });
}

/** Every findings snapshot in a folder, in quarter order; two of the same quarter is an error. */
export async function snapshotsIn(dir: string, cwd: string, cacheDir?: string, reading?: ReadingProgress): Promise<LoadedSnapshot[]> {
  const loaded: LoadedSnapshot[] = [];
  for (const { path } of await listSnapshots(dir, cwd)) loaded.push(await loadChecked(path, cwd, cacheDir, reading));
  const byPeriod = new Map<string, LoadedSnapshot[]>();
  for (const s of loaded) byPeriod.set(s.findings.period, [...(byPeriod.get(s.findings.period) ?? []), s]);
  for (const [period, same] of byPeriod) if (same.length > 1) throw twoForOnePeriod(period, same);
  return loaded.sort((a, b) => comparePeriods(a.findings.period, b.findings.period));
}

async function loadChecked(path: string, cwd: string, cacheDir: string | undefined, reading?: ReadingProgress): Promise<LoadedSnapshot> {
  const shown = shownPath(path, cwd);
  const { findings, cached } = await readSnapshotAndCache(path, shown, cacheDir, reading);
  const name = basename(path).replace(/\.ya?ml$/i, '');
  if (PERIOD_PATTERN.test(name) && name !== findings.period) {
    throw new UserError(`${shown} is named for ${name} but holds the findings of ${findings.period}`, { hint: 'rename the file after the quarter it holds' });
  }
  const seen = new Set<string>();
  for (const v of findings.vendors) {
    if (seen.has(v.id))
      throw new UserError(`${shown} lists vendor "${v.id}" twice`, {
        hint: 'a snapshot holds one finding per vendor; write it again with `aiclaim score --period`',
      });
    seen.add(v.id);
  }
  return { findings, path, shown, cached };
}

/** The older snapshot first; the same quarter twice, or the wrong order, is refused. */
export function checkOrder(older: LoadedSnapshot, newer: LoadedSnapshot): void {
  const order = comparePeriods(older.findings.period, newer.findings.period);
  if (order === 0) {
    throw new UserError(`both snapshots hold ${older.findings.period} (${older.shown}, ${newer.shown})`, { hint: 'compare two different quarters' });
  }
  if (order > 0) {
    throw new UserError(`the first snapshot (${older.findings.period}) is later than the second (${newer.findings.period})`, {
      hint: `put the older one first: aiclaim diff ${newer.findings.period} ${older.findings.period}`,
    });
  }
}

/** The snapshot named, or the latest one in findings/. */
export async function namedOrLatest(
  arg: string | undefined,
  workspace: Workspace,
  cwd: string,
  today?: Date,
  reading?: ReadingProgress,
): Promise<LoadedSnapshot> {
  const snapshot = arg ? await resolveSnapshot(arg, workspace, cwd, today, reading) : await latestBefore(undefined, workspace, cwd, reading);
  if (!snapshot)
    throw new UserError(`no findings snapshot in ${shownPath(workspace.findingsDir, cwd)}`, {
      hint: 'write one with `aiclaim score --period YYYY-Qn`, or name a findings file',
    });
  return snapshot;
}

/** The latest snapshot in findings/ of a quarter before `period`, or of any quarter. */
export async function latestBefore(
  period: string | undefined,
  workspace: Workspace,
  cwd: string,
  reading?: ReadingProgress,
): Promise<LoadedSnapshot | undefined> {
  const before = (p: string) => period === undefined || comparePeriods(p, period) < 0;
  const files = await listSnapshots(workspace.findingsDir, cwd).catch(() => [] as SnapshotEntry[]);
  // A snapshot that does not say its quarter up top could be the one: then every snapshot is read.
  if (files.some((f) => f.period === undefined)) {
    return (await snapshotsIn(workspace.findingsDir, cwd, userCacheDir(workspace), reading).catch(() => [] as LoadedSnapshot[]))
      .filter((s) => before(s.findings.period))
      .at(-1);
  }
  const latest = files
    .map((f) => f.period!)
    .filter(before)
    .sort(comparePeriods)
    .at(-1);
  return latest ? resolveSnapshot(latest, workspace, cwd, undefined, reading) : undefined;
}

/** Each snapshot's questionnaire, looked up once however many steps ask for it (its header, its self-check, its edition). */
const scoredWith = new WeakMap<LoadedSnapshot, Promise<Questionnaire | undefined>>();

/** The questionnaire a snapshot was scored with, wherever it is kept (find-edition.ts), its own workspace included. */
export function questionnaireOf(snapshot: LoadedSnapshot, workspace: Workspace, cwd: string): Promise<Questionnaire | undefined> {
  let found = scoredWith.get(snapshot);
  if (!found) {
    const { id, version, hash } = snapshot.findings.questionnaire;
    found = findEdition({ id, version, hash }, workspace, cwd, [snapshotRoot(snapshot.path)]);
    scoredWith.set(snapshot, found);
  }
  return found;
}

/**
 * A snapshot written by aiclaim 0.2 or earlier records its questionnaire's legacy hash (and
 * question digests of the questionnaire as the schema filled it in): read with the header this
 * aiclaim writes for that questionnaire, when found, so that a quarter scored before the upgrade
 * and one scored after with the same file are one edition. The file is not changed.
 */
export async function currentHeader(snapshot: LoadedSnapshot, workspace: Workspace, cwd: string): Promise<LoadedSnapshot> {
  const recorded = snapshot.findings.questionnaire;
  const found = await questionnaireOf(snapshot, workspace, cwd);
  if (!found?.identity || found.identity.hash === recorded.hash || found.identity.legacy !== recorded.hash) return snapshot;
  const current = {
    ...snapshot,
    findings: { ...snapshot.findings, questionnaire: { ...recorded, hash: found.identity.hash, questions: found.identity.questions } },
  };
  scoredWith.set(current, Promise.resolve(found));
  return current;
}

/**
 * Snapshots checked against themselves and the questionnaire they were scored with
 * (check-findings.ts): one edited by hand is refused. Cached findings that passed before are not
 * checked again (self-check-mark.ts). `progress`: a line for each snapshot checked.
 */
export async function refuseTampered(snapshots: readonly LoadedSnapshot[], workspace: Workspace, cwd: string, progress?: ReadingProgress): Promise<void> {
  const problems = [];
  for (const s of snapshots) {
    const questionnaire = await questionnaireOf(s, workspace, cwd);
    const mark = s.cached && selfCheckMark({ findings: s.findings, cached: s.cached }, questionnaire);
    if (mark?.passed) continue;
    const checking = progress?.(s.shown, s.findings.vendors.length, 'Checking');
    let found;
    try {
      found = checkFindings(s.findings, s.shown, questionnaire, checking && ((done) => checking.update(done)));
    } finally {
      checking?.end();
    }
    problems.push(...found);
    if (found.length === 0) await mark?.record();
  }
  if (problems.length) throw new ProblemsError(problems);
}
