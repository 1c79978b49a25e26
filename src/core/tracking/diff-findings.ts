import { flagRef, isFinding } from '../findings/flag-ref.js';
import { comparePeriods } from '../period.js';
import { own } from '../schema/limits.js';
import { classifyQuestions, isCommon, snapshotEdition, type QuestionComparison } from '../findings/question-classes.js';
import type { QuestionDefinitions } from '../findings/question-definitions.js';
import type { CrosswalkEntry, Questionnaire } from '../schema/questionnaire.js';
import { questionLineParser, questionnaireHash } from '../findings/build-findings.js';
import { bridgeOf, restateScore } from './restate-score.js';
import { snapshotScale, type Tone } from '../scoring/verdict-scale.js';
import { ABSENT_STATES, type CommitmentResult, type Findings, type FlagResult, type VendorFinding } from '../schema/findings.js';

// What changed between two findings snapshots, vendor by vendor, with every score movement
// attributed to its causes: an answer, evidence, the questionnaire, or the passing of time.

/**
 * `assessed`: a verdict now, none before; `unassessed`: a verdict before, too little known now;
 * `not-comparable`: the two scores were given by different questionnaires, so no move is measured.
 */
type Movement = 'improved' | 'regressed' | 'unchanged' | 'assessed' | 'unassessed' | 'not-comparable';

type QuestionGroup = 'new' | 'resolved' | 'changed' | 'unchanged' | 'not-comparable';

export type Cause =
  | 'answer-changed'
  | 'answered'
  | 'answer-withdrawn'
  | 'declined'
  | 'evidence-added'
  | 'evidence-removed'
  | 'evidence-expired'
  | 'evidence-dated-after-claim'
  | 'applicability-changed'
  | 'condition-changed'
  | 'questionnaire-changed'
  | 'rules-changed'
  | 'roadmap-updated'
  | 'roadmap-date-passed'
  | 'track-record';

export const CAUSE_TEXT: Record<Cause, string> = {
  'answer-changed': 'answer changed',
  answered: 'newly answered',
  'answer-withdrawn': 'answer withdrawn',
  declined: 'declined by the vendor',
  'evidence-added': 'evidence added',
  'evidence-removed': 'evidence removed',
  'evidence-expired': 'evidence expired',
  'evidence-dated-after-claim': 'evidence post-dates the claim',
  'applicability-changed': 'applicability changed',
  'condition-changed': 'questions now (not) asked',
  'questionnaire-changed': 'questionnaire changed',
  'rules-changed': 'scored by other rules',
  'roadmap-updated': 'roadmap updated',
  'roadmap-date-passed': 'a roadmap date passed',
  'track-record': 'track record',
};

export interface QuestionSide {
  points: number;
  possible: number;
  state: string;
  digest?: string | undefined;
}

interface QuestionChange {
  id: string;
  /** The id in the older snapshot, when the question was renamed (declared by `replaces`). */
  was?: string | undefined;
  group: QuestionGroup;
  before?: QuestionSide | undefined;
  after?: QuestionSide | undefined;
  delta: number;
  causes: Cause[];
}

type CommitmentChangeKind = 'delivered' | 'newly-due' | 'slipped' | 'dropped' | 'added' | 'withdrawn' | 'unchanged';

export interface CommitmentChange {
  id: string;
  title: string;
  change: CommitmentChangeKind;
  before?: CommitmentResult | undefined;
  after?: CommitmentResult | undefined;
  /** Quarters late now (delivered late, or slipped/overdue by this much). */
  quartersLate: number;
}

export interface VendorDiff {
  id: string;
  name: string;
  category: string;
  /**
   * The two scores compare like for like: the same questionnaire gave both, or both were rescored
   * with one (`by: rescore`), or the older one is restated in the newer edition's terms (`by:
   * restated`, see restate-score.ts).
   */
  comparable: boolean;
  by?: 'rescore' | 'restated' | undefined;
  /**
   * When not comparable: the share (0–1) of the points the newer score can earn that are on questions
   * common to both editions, how many such questions, and the points they moved.
   */
  common?: { share: number; questions: number; points: number } | undefined;
  /** Score null: not assessed. Risk: the rating, when the questionnaire rates risk. */
  before: { score: number | null; verdict: string; risk?: string | undefined; recorded?: number | null | undefined };
  after: { score: number | null; verdict: string; risk?: string | undefined };
  /** Score change; 0 unless both quarters have a score and the scores are comparable. */
  delta: number;
  movement: Movement;
  sections: { id: string; before: number | null; after: number | null; delta: number }[];
  /** Findings (flags on recorded answers) raised and cleared; open questions are not flags. */
  flagsRaised: FlagResult[];
  flagsCleared: FlagResult[];
  roadmap: CommitmentChange[];
  questions: QuestionChange[];
  /** Why the score moved: each cause with the points it moved. Never empty when the score moved. */
  why: { cause: Cause | 'unexplained'; questions: string[]; points: number }[];
}

export interface FindingsDiff {
  from: { period: string; questionnaire: Findings['questionnaire']; tool: string };
  to: { period: string; questionnaire: Findings['questionnaire']; tool: string };
  /** Every vendor's two scores compare like for like (the same questionnaire, or both rescored with one). */
  comparable: boolean;
  questionnaireChanges: {
    added: string[];
    removed: string[];
    rescored: string[];
    renamed: { from: string; to: string }[];
    /** Each question's class, when the two snapshots follow different questionnaires; empty when they follow the same. */
    questions: QuestionComparison[];
    /** The crosswalk used, when one joins the two editions: how many questions it maps, and its file when it has one. */
    crosswalk?: { questions: number; file?: string | undefined } | undefined;
  };
  /** `--rescore`: the questionnaire both quarters were scored with again, the vendors it scored, and why the others were not. */
  rescored?: { questionnaire: Findings['questionnaire']; vendors: string[]; notRescored: { id: string; reason: string }[] } | undefined;
  tolerance: number;
  vendors: VendorDiff[];
  added: VendorFinding[];
  dropped: VendorFinding[];
  /** The newer snapshot's verdicts, best first, with each one's place on the scale (verdict-scale.ts). */
  verdicts: { id: string; label: string; tone: Tone }[];
  /** Movements are counted over comparable vendors only; `notComparable` counts the others. */
  summary: {
    improved: number;
    regressed: number;
    unchanged: number;
    assessed: number;
    unassessed: number;
    notComparable: number;
    added: number;
    dropped: number;
  };
  /** Annual spend now in vendors scoring under the threshold, and in vendors not assessed, per currency. */
  spend: { threshold: number; byCurrency: { currency: string; total: number; below: number; vendors: string[]; notAssessed: number }[] };
}

export interface DiffOptions {
  /** Score moves within this many points count as unchanged. */
  tolerance?: number;
  /** New question id → the old id it replaces (from the questionnaire's `replaces`). */
  renamed?: ReadonlyMap<string, string>;
  /** Questions scored from the roadmap or from history rather than from an answer. */
  computed?: ReadonlyMap<string, 'roadmap' | 'track-record'>;
  /** Spend in vendors scoring under this is reported (default 55, where "plausible" starts). */
  threshold?: number;
  /** The newer questionnaire's crosswalk from the older edition: which reworded or renamed questions measure the same. */
  crosswalk?: readonly CrosswalkEntry[] | undefined;
  /** The file the crosswalk came from, as shown; absent when it is the newer questionnaire's own. */
  crosswalkFile?: string | undefined;
  /**
   * The questionnaire the newer snapshot was scored with, when at hand: an older score whose every
   * counted question has a common counterpart is restated in its terms and compared.
   */
  newer?: Questionnaire | undefined;
  /** Question definitions of a snapshot that does not carry them, from its questionnaire when found. */
  definitions?: { before?: QuestionDefinitions | undefined; after?: QuestionDefinitions | undefined };
  /**
   * Both quarters scored again with one questionnaire: for the vendors in `vendors` the diff compares
   * these findings; every other vendor is compared as its snapshots hold it.
   */
  rescored?: { before: Findings; after: Findings; vendors: ReadonlySet<string>; notRescored: { id: string; reason: string }[] } | undefined;
}

export function diffFindings(before: Findings, after: Findings, options: DiffOptions = {}): FindingsDiff {
  const tolerance = options.tolerance ?? 0;
  const renamed = options.renamed ?? new Map<string, string>();
  const computed = options.computed ?? new Map<string, 'roadmap' | 'track-record'>();
  const sameEdition = before.questionnaire.hash === after.questionnaire.hash;
  const parse = questionLineParser();
  const classes = sameEdition
    ? []
    : classifyQuestions(snapshotEdition(before, options.definitions?.before), snapshotEdition(after, options.definitions?.after), renamed, options.crosswalk);
  // A question compares like for like when its definition is the same in both editions, or the crosswalk says it measures the same.
  const common = new Set(classes.filter(isCommon).map((c) => c.id));
  const sameQuestion = sameEdition ? () => true : (id: string) => common.has(id);
  const bridge = !sameEdition && options.newer && questionnaireHash(options.newer) === after.questionnaire.hash ? bridgeOf(options.newer, classes) : undefined;
  // Renamed questions, by `replaces:` or by the crosswalk, keep their history question by question.
  const pairs = new Map(renamed);
  for (const c of classes) if (c.class === 'renamed' && c.was) pairs.set(c.id, c.was);
  const old = new Map(before.vendors.map((v) => [v.id, v]));
  const now = new Map(after.vendors.map((v) => [v.id, v]));
  const rescored = options.rescored;
  const rescoredOld = new Map(rescored?.before.vendors.map((v) => [v.id, v]) ?? []);
  const rescoredNew = new Map(rescored?.after.vendors.map((v) => [v.id, v]) ?? []);
  const periods = { before: before.period, after: after.period };
  const vendors = after.vendors
    .filter((v) => old.has(v.id))
    .map((v) => {
      const b = rescored?.vendors.has(v.id) ? rescoredOld.get(v.id) : undefined;
      const a = rescored?.vendors.has(v.id) ? rescoredNew.get(v.id) : undefined;
      if (b && a)
        return { ...diffVendor(b, a, periods, { tolerance, renamed, computed, comparable: true, sameQuestion: () => true, parse }), by: 'rescore' as const };
      const was = old.get(v.id)!;
      const restated = bridge ? restateScore(was, v, bridge, parse) : undefined;
      if (restated) {
        const sections = Object.fromEntries(restated.sections.map((s) => [s.key, { score: s.score, earned: s.earned, possible: s.possible }]));
        const diffed = diffVendor({ ...was, score: restated.score, sections }, v, periods, {
          tolerance,
          renamed: pairs,
          computed,
          comparable: true,
          sameQuestion,
          parse,
        });
        return { ...diffed, by: 'restated' as const, before: { ...diffed.before, recorded: was.score } };
      }
      return diffVendor(was, v, periods, { tolerance, renamed: pairs, computed, comparable: sameEdition, sameQuestion, parse });
    });
  const count = (m: Movement) => vendors.filter((v) => v.movement === m).length;
  const added = after.vendors.filter((v) => !old.has(v.id));
  const dropped = before.vendors.filter((v) => !now.has(v.id));
  return {
    from: { period: before.period, questionnaire: before.questionnaire, tool: before.tool },
    to: { period: after.period, questionnaire: after.questionnaire, tool: after.tool },
    comparable: vendors.every((v) => v.comparable) && (sameEdition || vendors.length > 0),
    questionnaireChanges: {
      ...questionnaireChanges(before, after, renamed, parse),
      questions: classes,
      ...(!sameEdition && options.crosswalk?.length
        ? { crosswalk: { questions: options.crosswalk.length, ...(options.crosswalkFile ? { file: options.crosswalkFile } : {}) } }
        : {}),
    },
    ...(rescored
      ? {
          rescored: {
            questionnaire: rescored.after.questionnaire,
            vendors: vendors.filter((v) => rescored.vendors.has(v.id)).map((v) => v.id),
            notRescored: rescored.notRescored,
          },
        }
      : {}),
    tolerance,
    vendors,
    added,
    dropped,
    verdicts: verdictsWithTones(after),
    summary: {
      improved: count('improved'),
      regressed: count('regressed'),
      unchanged: count('unchanged'),
      assessed: count('assessed'),
      unassessed: count('unassessed'),
      notComparable: count('not-comparable'),
      added: added.length,
      dropped: dropped.length,
    },
    spend: spendBelow(after, options.threshold ?? 55),
  };
}

/** Comparable vendors first, by the size of their move; then the others by what moved on common questions. */
export function byLargestMove(a: VendorDiff, b: VendorDiff): number {
  const size = (v: VendorDiff) => (v.comparable ? Math.abs(v.delta) : Math.abs(v.common?.points ?? 0));
  return Number(!a.comparable) - Number(!b.comparable) || size(b) - size(a) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);
}

function verdictsWithTones(findings: Findings): FindingsDiff['verdicts'] {
  const scale = snapshotScale(findings);
  return scale.order.map((id) => ({ id, label: scale.label(id), tone: scale.tone(id)! }));
}

/** A vendor not assessed has no score: its spend is counted apart, never as under the threshold. */
function spendBelow(findings: Findings, threshold: number): FindingsDiff['spend'] {
  const byCurrency = new Map<string, { currency: string; total: number; below: number; vendors: string[]; notAssessed: number }>();
  for (const v of findings.vendors) {
    if (!v.spend) continue;
    const entry = byCurrency.get(v.spend.currency) ?? { currency: v.spend.currency, total: 0, below: 0, vendors: [], notAssessed: 0 };
    entry.total += v.spend.amount;
    if (v.score === null) entry.notAssessed += v.spend.amount;
    else if (v.score < threshold) {
      entry.below += v.spend.amount;
      entry.vendors.push(v.id);
    }
    byCurrency.set(v.spend.currency, entry);
  }
  return { threshold, byCurrency: [...byCurrency.values()].sort((a, b) => b.total - a.total || (a.currency < b.currency ? -1 : 1)) };
}

interface VendorContext {
  tolerance: number;
  renamed: ReadonlyMap<string, string>;
  computed: ReadonlyMap<string, 'roadmap' | 'track-record'>;
  /** The two scores compare like for like (one questionnaire gave both, or the older one is restated). */
  comparable: boolean;
  /** A question (by its newer id) measures the same in both scorings: always, when one questionnaire gave both. */
  sameQuestion: (id: string) => boolean;
  parse: (line: string) => QuestionSide;
}

function diffVendor(before: VendorFinding, after: VendorFinding, periods: { before: string; after: string }, context: VendorContext): VendorDiff {
  const delta = context.comparable && before.score !== null && after.score !== null ? round1(after.score - before.score) : 0;
  const movement: Movement = !context.comparable
    ? 'not-comparable'
    : before.score === null && after.score !== null
      ? 'assessed'
      : before.score !== null && after.score === null
        ? 'unassessed'
        : Math.abs(delta) <= context.tolerance || delta === 0
          ? 'unchanged'
          : delta > 0
            ? 'improved'
            : 'regressed';
  const sectionIds = [...new Set([...Object.keys(before.sections), ...Object.keys(after.sections)])];
  // Sections of two editions are not the same measure: none "moved most".
  const sections = (context.comparable ? sectionIds : [])
    .map((id) => {
      const b = own(before.sections, id)?.score ?? null;
      const a = own(after.sections, id)?.score ?? null;
      return { id, before: b, after: a, delta: round1((a ?? 0) - (b ?? 0)) };
    })
    .filter((s) => s.delta !== 0)
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || (x.id < y.id ? -1 : 1));
  const beforeFindings = before.redFlags.filter(isFinding);
  const afterFindings = after.redFlags.filter(isFinding);
  const beforeFlags = new Set(beforeFindings.map(flagRef));
  const afterFlags = new Set(afterFindings.map(flagRef));
  const questions = diffQuestions(before, after, context);
  return {
    id: after.id,
    name: after.name,
    category: after.category,
    comparable: context.comparable,
    ...(context.comparable ? {} : { common: commonPart(after, questions, context) }),
    before: { score: before.score, verdict: before.verdict, risk: before.risk?.rating },
    after: { score: after.score, verdict: after.verdict, risk: after.risk?.rating },
    delta,
    movement,
    sections,
    flagsRaised: afterFindings.filter((f) => !beforeFlags.has(flagRef(f))),
    flagsCleared: beforeFindings.filter((f) => !afterFlags.has(flagRef(f))),
    roadmap: diffRoadmap(before.roadmap, after.roadmap, periods),
    questions,
    why: attribute(questions, delta, context.comparable),
  };
}

/** The part of a score two editions share: the points possible on common questions, and what moved on them. */
function commonPart(after: VendorFinding, questions: readonly QuestionChange[], context: VendorContext): NonNullable<VendorDiff['common']> {
  let possible = 0;
  let shared = 0;
  for (const [id, line] of Object.entries(after.questions)) {
    const side = context.parse(line);
    if (side.state === 'hidden' || side.state === 'not-asked' || side.state === 'not-applicable') continue;
    possible += side.possible;
    if (context.sameQuestion(id)) shared += side.possible;
  }
  const common = questions.filter((q) => q.before !== undefined && context.sameQuestion(q.id));
  return {
    share: possible > 0 ? Math.round((shared / possible) * 100) / 100 : 0,
    questions: common.length,
    points: round2(common.reduce((sum, q) => sum + q.delta, 0)),
  };
}

const ABSENT = ABSENT_STATES;
const UNBACKED: ReadonlySet<string> = new Set(['unverified', 'late-evidence', 'expired-evidence', 'answered']);

function diffQuestions(before: VendorFinding, after: VendorFinding, context: VendorContext): QuestionChange[] {
  const { renamed, parse } = context;
  const out: QuestionChange[] = [];
  const usedOld = new Set<string>();
  for (const [id, line] of Object.entries(after.questions)) {
    const oldId = own(before.questions, id) !== undefined ? id : renamed.get(id);
    const b = oldId ? own(before.questions, oldId) : undefined;
    if (oldId && b !== undefined) usedOld.add(oldId);
    out.push(
      compareQuestion(
        id,
        oldId !== id ? oldId : undefined,
        b === undefined ? undefined : parse(b),
        parse(line),
        context.sameQuestion(id),
        context.computed.get(id),
      ),
    );
  }
  for (const [id, line] of Object.entries(before.questions)) {
    if (usedOld.has(id)) continue;
    const b = parse(line);
    out.push({ id, group: 'not-comparable', before: b, delta: round2(-b.points), causes: ['questionnaire-changed'] });
  }
  return out;
}

function compareQuestion(
  id: string,
  was: string | undefined,
  b: QuestionSide | undefined,
  a: QuestionSide,
  comparable: boolean,
  kind: 'roadmap' | 'track-record' | undefined,
): QuestionChange {
  // Built as one literal, not spread from a base: a diff of the whole landscape makes a million.
  const change = (group: QuestionGroup, causes: Cause[]): QuestionChange =>
    was
      ? { id, was, before: b, after: a, delta: round2(a.points - (b?.points ?? 0)), group, causes }
      : { id, before: b, after: a, delta: round2(a.points - (b?.points ?? 0)), group, causes };
  if (!b) return change('new', ['questionnaire-changed']);
  const same = b.points === a.points && b.possible === a.possible && b.state === a.state && b.digest === a.digest;
  if (same) return change('unchanged', []);
  // A question defined differently in the two editions: whatever moved, the questionnaire moved it.
  if (!comparable) return change('not-comparable', ['questionnaire-changed']);
  const causes = causesOf(b, a, kind);
  // Nothing was known before (not asked, or ruled out): the question is new to this vendor's record.
  if ((b.state === 'hidden' || b.state === 'not-asked') && !ABSENT.has(a.state)) return change('new', causes);
  if (b.points < b.possible && a.possible > 0 && a.points === a.possible) return change('resolved', causes);
  return change('changed', causes);
}

/** Why a question defined the same in both snapshots moved. */
function causesOf(b: QuestionSide, a: QuestionSide, kind: 'roadmap' | 'track-record' | undefined): Cause[] {
  const causes = new Set<Cause>();
  const isTrack = kind === 'track-record';
  if (b.state === 'hidden' || a.state === 'hidden') {
    if (b.state !== a.state) causes.add('condition-changed');
  } else if (a.state === 'declined' && b.state !== 'declined') causes.add('declined');
  else if (ABSENT.has(b.state) && !ABSENT.has(a.state)) causes.add('answered');
  else if (b.state === 'declined' && !ABSENT.has(a.state)) causes.add('answered');
  else if (!ABSENT.has(b.state) && ABSENT.has(a.state)) causes.add('answer-withdrawn');
  else if ((b.state === 'not-applicable') !== (a.state === 'not-applicable') && kind === undefined) causes.add('applicability-changed');
  else if (b.digest !== a.digest && b.digest && a.digest) causes.add(isTrack ? 'track-record' : kind === 'roadmap' ? 'roadmap-updated' : 'answer-changed');
  if (!ABSENT.has(a.state) && !ABSENT.has(b.state) && b.state !== a.state && a.state !== 'declined' && b.state !== 'declined') {
    if (a.state === 'evidenced' && UNBACKED.has(b.state)) causes.add('evidence-added');
    else if (b.state === 'evidenced' && a.state === 'expired-evidence') causes.add('evidence-expired');
    else if (b.state === 'evidenced' && a.state === 'late-evidence') causes.add('evidence-dated-after-claim');
    else if (b.state === 'evidenced' && UNBACKED.has(a.state)) causes.add('evidence-removed');
    else if (a.state === 'expired-evidence') causes.add('evidence-expired');
  }
  if (causes.size === 0 && (b.points !== a.points || b.possible !== a.possible || b.state !== a.state)) {
    // Same answer, same definition, different points: time moved on (a roadmap date passed, the
    // track record grew), or the rules of another aiclaim scored it (edition 1 counted a question
    // with no answer as zero: `unanswered`).
    causes.add(isTrack ? 'track-record' : kind === 'roadmap' && b.state !== 'unanswered' ? 'roadmap-date-passed' : 'rules-changed');
  }
  return [...causes];
}

function attribute(questions: QuestionChange[], delta: number, comparable: boolean): VendorDiff['why'] {
  const byCause = new Map<Cause, { questions: string[]; points: number }>();
  for (const q of questions) {
    if (q.group === 'unchanged' || q.causes.length === 0) continue;
    const cause = q.causes[0]!;
    const entry = byCause.get(cause) ?? { questions: [], points: 0 };
    entry.questions.push(q.id);
    entry.points = round2(entry.points + q.delta);
    byCause.set(cause, entry);
  }
  const why: VendorDiff['why'] = [...byCause.entries()]
    .map(([cause, entry]) => ({ cause, ...entry }))
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || (a.cause < b.cause ? -1 : 1));
  if (delta !== 0 && why.length === 0) {
    why.push({ cause: comparable ? 'unexplained' : 'questionnaire-changed', questions: [], points: 0 });
  }
  return why;
}

function diffRoadmap(before: readonly CommitmentResult[], after: readonly CommitmentResult[], periods: { before: string; after: string }): CommitmentChange[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const now = new Map(after.map((c) => [c.id, c]));
  const changes: CommitmentChange[] = [];
  for (const a of after) {
    const b = old.get(a.id);
    changes.push({ id: a.id, title: a.title, change: commitmentChange(b, a, periods), ...(b ? { before: b } : {}), after: a, quartersLate: a.quartersLate });
  }
  for (const b of before) {
    if (now.has(b.id)) continue;
    const settled = b.state === 'on-time' || b.state === 'late' || b.state === 'dropped';
    if (!settled) changes.push({ id: b.id, title: b.title, change: 'withdrawn', before: b, quartersLate: b.quartersLate });
  }
  return changes;
}

/**
 * Delivered or dropped since the older snapshot; slipped when the promised quarter moved later or
 * passed without delivery (overdue); newly due when its quarter, in the future before, is now.
 */
function commitmentChange(b: CommitmentResult | undefined, a: CommitmentResult, periods: { before: string; after: string }): CommitmentChangeKind {
  const delivered = (c: CommitmentResult) => c.state === 'on-time' || c.state === 'late';
  const promised = (c: CommitmentResult) => c.revisedDue ?? c.due;
  const dueBy = (c: CommitmentResult, period: string) => comparePeriods(promised(c), period) <= 0;
  if (delivered(a)) return b && delivered(b) ? 'unchanged' : 'delivered';
  if (a.state === 'dropped') return b?.state === 'dropped' ? 'unchanged' : 'dropped';
  if (b ? comparePeriods(promised(a), promised(b)) > 0 : a.state === 'slipped') return 'slipped';
  if (a.state === 'overdue' && b?.state !== 'overdue') return 'slipped';
  if (dueBy(a, periods.after) && (!b || !dueBy(b, periods.before))) return 'newly-due';
  return b ? 'unchanged' : 'added';
}

function questionnaireChanges(
  before: Findings,
  after: Findings,
  renamed: ReadonlyMap<string, string>,
  parse: (line: string) => QuestionSide,
): Omit<FindingsDiff['questionnaireChanges'], 'questions'> {
  // Loops, not flatMap: a snapshot of the whole landscape has over half a million question lines.
  const idsOf = (f: Findings) => {
    const ids = new Set<string>();
    for (const v of f.vendors) for (const id of Object.keys(v.questions)) ids.add(id);
    return ids;
  };
  const oldIds = idsOf(before);
  const newIds = idsOf(after);
  const renames = [...renamed.entries()].filter(([to, from]) => newIds.has(to) && oldIds.has(from) && !newIds.has(from)).map(([to, from]) => ({ from, to }));
  const renamedFrom = new Set(renames.map((r) => r.from));
  const renamedTo = new Set(renames.map((r) => r.to));
  const possible = (f: Findings) => {
    const map = new Map<string, number>();
    for (const v of f.vendors)
      for (const [id, line] of Object.entries(v.questions)) {
        const p = parse(line);
        // What a question is worth shows only where it counts: not where it is ruled out, not applicable or not asked.
        if (p.state !== 'hidden' && p.state !== 'not-applicable' && p.state !== 'not-asked') map.set(id, Math.max(map.get(id) ?? 0, p.possible));
      }
    return map;
  };
  // One questionnaire scored both: nothing was rescored, and no question line need be read for it.
  const rescored = () => {
    const oldPossible = possible(before);
    const newPossible = possible(after);
    return [...newIds].filter((id) => oldPossible.has(id) && newPossible.has(id) && oldPossible.get(id) !== newPossible.get(id)).sort();
  };
  return {
    added: [...newIds].filter((id) => !oldIds.has(id) && !renamedTo.has(id)).sort(),
    removed: [...oldIds].filter((id) => !newIds.has(id) && !renamedFrom.has(id)).sort(),
    rescored: before.questionnaire.hash === after.questionnaire.hash ? [] : rescored(),
    renamed: renames,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
