import { describeCondition } from '../conditions/describe-condition.js';
import { evaluateCondition, satisfiedTests, type AnswerState } from '../conditions/evaluate-condition.js';
import { answerDigest } from '../digest.js';
import { periodEndDate } from '../period.js';
import { indexQuestionnaire, type QuestionnaireIndex } from '../questionnaire-index.js';
import { FACTS, isFactTest, type Fact } from '../schema/condition.js';
import type { QuestionState } from '../schema/findings.js';
import { verdictsOf, type Question, type Questionnaire, type Section } from '../schema/questionnaire.js';
import type { Answer, Vendor } from '../schema/vendor.js';
import { formatAnswer } from './format-answer.js';
import { possiblePoints, rulePoints } from './question-rules.js';
import { deliveryRecord, deliveryShare, roadmapFacts, roadmapResults } from './roadmap-status.js';
import type { QuestionScore, RaisedFlag, SectionScore, VendorScore } from './types.js';
import { keptShare, type TrackRecord } from '../tracking/track-record.js';
import { historyFacts, trackRecordLine, vendorTrackRecord, type VendorHistory } from './vendor-history.js';

// Scores one vendor's answers against a questionnaire: pure, deterministic, every point explained.

export interface ScoringContext {
  /** The quarter being scored: decides which roadmap commitments are due and which evidence expired. */
  period: string;
  /** The vendor's roadmap record in earlier snapshots, when there are any. */
  history?: VendorHistory | undefined;
  /**
   * Build the reason texts (answer, rule, notes) of every question; on by default. Batch scoring
   * without --explain turns it off: the points, states and digests are the same either way.
   */
  explain?: boolean | undefined;
}

export function scoreVendor(questionnaire: Questionnaire, vendor: Vendor, context: ScoringContext): VendorScore {
  const index = indexQuestionnaire(questionnaire);
  const roadmap = roadmapResults(vendor.roadmap, context.period);
  const record = deliveryRecord(roadmap);
  const track = vendorTrackRecord(context.history, context.period, roadmap);
  const facts = Object.assign(Object.fromEntries(FACTS.map((f) => [f, 0])), roadmapFacts(record, roadmap.length), historyFacts(track), {
    'claims.count': vendor.claims?.length ?? 0,
    'spend.amount': vendor.spend?.amount ?? 0,
  }) as Record<Fact, number>;

  const visibleAnswers = new Map<string, AnswerState>();
  const conditionContext = { answers: visibleAnswers, facts };
  const questions: QuestionScore[] = [];
  const questionContext: QuestionContext = {
    period: context.period,
    periodEnd: periodEndDate(context.period),
    unverifiedShare: questionnaire.scoring.unverifiedShare,
    record,
    track,
    explain: context.explain ?? true,
  };
  for (const { question, sectionKey } of index.questions) {
    if (question.when && !evaluateCondition(question.when, conditionContext)) {
      questions.push(hidden(question, sectionKey, questionContext.explain));
      continue;
    }
    const answer = answerFor(vendor, question, index);
    const scored = scoreQuestion(question, sectionKey, answer, vendor, questionContext);
    questions.push(scored);
    if (answer) visibleAnswers.set(question.id, { value: answerValue(question, vendor, answer), notApplicable: answer.notApplicable !== undefined, evidenced: scored.state === 'evidenced' });
    else if (question.type === 'list' && question.binds && vendor[question.binds] !== undefined) {
      visibleAnswers.set(question.id, { value: vendor[question.binds] as never, notApplicable: false, evidenced: false });
    }
  }

  const sections = scoreSections(questionnaire, questions);
  const score = round1(overallScore(questionnaire, sections));
  const redFlags = raiseFlags(questionnaire, index, visibleAnswers, facts, vendor);
  const { verdicts } = verdictsOf(questionnaire);
  const pointsVerdict = verdicts.find((v) => score >= v.min) ?? verdicts[verdicts.length - 1]!;
  const rank = (id: string) => verdicts.findIndex((v) => v.id === id);
  let verdict = pointsVerdict;
  const cappedBy: string[] = [];
  for (const flag of redFlags) {
    if (!flag.cap) continue;
    const cap = verdicts[rank(flag.cap)];
    if (cap && rank(cap.id) > rank(pointsVerdict.id)) {
      cappedBy.push(flag.id);
      if (rank(cap.id) > rank(verdict.id)) verdict = cap;
    }
  }

  const applicable = questions.filter((q) => q.state !== 'hidden' && q.state !== 'not-applicable');
  const answered = applicable.filter((q) => q.state !== 'unanswered');
  const earned = questions.reduce((sum, q) => sum + q.points, 0);
  const backed = questions.reduce((sum, q) => sum + (q.backed ? q.points : 0), 0);

  const top = sections.filter((s) => s.depth === 0);
  return {
    id: vendor.id,
    name: vendor.name,
    score,
    earned: round2(top.reduce((sum, s) => sum + s.earned, 0)),
    possible: round2(top.reduce((sum, s) => sum + s.possible, 0)),
    method: questionnaire.scoring.method,
    verdict: verdict.id,
    verdictLabel: verdict.label,
    cappedBy,
    pointsVerdict: pointsVerdict.id,
    pointsVerdictLabel: pointsVerdict.label,
    completeness: applicable.length === 0 ? 1 : round3(answered.length / applicable.length),
    confidence: earned === 0 ? null : round3(backed / earned),
    sections,
    questions,
    redFlags,
    roadmap,
    facts,
    trackRecord: trackRecordLine(track),
  };
}

function answerFor(vendor: Vendor, question: Question, index: QuestionnaireIndex): Answer | undefined {
  const direct = vendor.answers[question.id];
  if (direct) return direct;
  // An answer kept under an id this question replaced still counts.
  for (const old of question.replaces ?? []) {
    if (index.replaced.get(old) === question.id && vendor.answers[old]) return vendor.answers[old];
  }
  return undefined;
}

function answerValue(question: Question, vendor: Vendor, answer: Answer) {
  if (question.type === 'list' && question.binds) return vendor[question.binds] as never;
  return answer.value;
}

interface QuestionContext {
  period: string;
  periodEnd: string;
  unverifiedShare: number;
  record: ReturnType<typeof deliveryRecord>;
  track: TrackRecord | undefined;
  explain: boolean;
}

type Base = Pick<QuestionScore, 'id' | 'text' | 'section' | 'possible'>;

/**
 * Every question score is made here, with its fields in one order: object spreads in this loop
 * (run for every question of every vendor) cost V8 hundreds of times more than a literal.
 */
function questionScore(base: Base, state: QuestionState, points: number, rule: string, notes: string[], backed: boolean, answer?: string, digest?: string, possible = base.possible): QuestionScore {
  return { id: base.id, text: base.text, section: base.section, state, points, possible, answer, rule, notes, digest, backed };
}

function hidden(question: Question, section: string, explain: boolean): QuestionScore {
  const notes = explain ? [`hidden: asked only when ${question.when ? describeCondition(question.when) : 'its condition holds'}`] : [];
  return questionScore({ id: question.id, text: question.text, section, possible: 0 }, 'hidden', 0, 'not asked', notes, true);
}

function scoreQuestion(question: Question, section: string, answer: Answer | undefined, vendor: Vendor, context: QuestionContext): QuestionScore {
  const possible = possiblePointsOf(question);
  const base = { id: question.id, text: question.text, section, possible };
  if (question.type === 'list' && question.binds) return scoreBoundList(question, base, vendor, context);
  if (question.type === 'track-record') return scoreTrackRecord(possible, base, context.track);
  if (!answer) {
    return questionScore(base, 'unanswered', 0, 'unanswered', possible > 0 && context.explain ? [`unanswered: 0 of ${possible}`] : [], true);
  }
  if (answer.notApplicable !== undefined) {
    return questionScore(base, 'not-applicable', 0, 'not applicable', [`not applicable: ${answer.notApplicable}`], true, 'not applicable', undefined, 0);
  }
  const value = answer.value!;
  const { points: rawPoints, rule } =
    question.type === 'list' ? listItemPoints(question, Array.isArray(value) ? value.length : 0) : rulePoints(question, value, context.explain);
  const digest = answerDigest(value);
  const shown = context.explain ? formatAnswer(question, value) : undefined;
  const evidence = evidenceState(answer, answer.date ?? vendor.interview?.date, context.periodEnd);
  const notes: string[] = [];
  let points = rawPoints;
  let state: QuestionState;
  if (evidence.ok) {
    state = 'evidenced';
  } else if (evidence.problem === undefined) {
    state = 'answered';
    if (question.evidence === 'required' && rawPoints > 0) {
      points = rawPoints * context.unverifiedShare;
      state = 'unverified';
      if (context.explain) notes.push(`evidence required, none given: claimed, not shown (${pct(context.unverifiedShare)} of ${fmt(rawPoints)})`);
    }
  } else {
    state = evidence.problem;
    const why = evidence.problem === 'late-evidence' ? 'evidence is dated after the claim it should support' : 'evidence expired before the end of the period';
    if (question.evidence === 'required' && rawPoints > 0) {
      points = rawPoints * context.unverifiedShare;
      notes.push(`${why}: counts as unverified (${pct(context.unverifiedShare)} of ${fmt(rawPoints)})`);
    } else {
      notes.push(`${why}: the points stand but rest on the vendor's word`);
    }
  }
  const backed = state === 'evidenced' || (question.evidence === 'none' && state === 'answered');
  return questionScore(base, state, round2(points), rule, notes, backed, shown, digest);
}

function scoreBoundList(question: Question & { type: 'list' }, base: Base, vendor: Vendor, context: QuestionContext): QuestionScore {
  const items = vendor[question.binds!];
  if (items === undefined) {
    return questionScore(base, 'unanswered', 0, 'unanswered', base.possible > 0 ? [`no ${question.binds} recorded: 0 of ${base.possible}`] : [], true);
  }
  const digest = answerDigest(items);
  const shown = `${items.length} ${question.binds === 'roadmap' ? 'commitment' : 'claim'}${items.length === 1 ? '' : 's'}`;
  if (question.points && 'delivery' in question.points) {
    const share = deliveryShare(context.record);
    if (share === undefined) {
      return questionScore(base, 'not-applicable', 0, 'no commitment due yet', ['no commitment due yet: does not count'], true, shown, digest, 0);
    }
    const r = context.record;
    const rule = `${r.onTime} on time, ${r.late} late (half), ${r.slipped + r.overdue} slipped, ${r.dropped} dropped of ${r.decided} due: ${pct(share)} of ${question.points.delivery}`;
    return questionScore(base, 'answered', round2(share * question.points.delivery), rule, [], true, shown, digest);
  }
  const { points, rule } = listItemPoints(question, items.length);
  return questionScore(base, 'answered', points, rule, [], true, shown, digest);
}

function scoreTrackRecord(points: number, base: Base, track: TrackRecord | undefined): QuestionScore {
  const line = trackRecordLine(track);
  const share = track ? keptShare(track) : undefined;
  if (!track || share === undefined) return questionScore(base, 'not-applicable', 0, line, [`${line}: does not count`], true, line, undefined, 0);
  const digest = answerDigest(track.promises.map((p) => [p.id, p.outcome]));
  return questionScore(base, 'answered', round2(share * points), `${pct(share)} of ${points} for promises kept on time across snapshots`, [], true, line, digest);
}

const possibleCache = new WeakMap<Question, number>();

/** The most a question can earn: worked out once per question, not once per vendor. */
function possiblePointsOf(question: Question): number {
  let possible = possibleCache.get(question);
  if (possible === undefined) {
    possible = possiblePoints(question);
    possibleCache.set(question, possible);
  }
  return possible;
}

function listItemPoints(question: Question & { type: 'list' }, count: number): { points: number; rule: string } {
  if (!question.points || !('perItem' in question.points)) return { points: 0, rule: 'recorded, not scored' };
  const { perItem, cap } = question.points;
  const points = Math.min(cap, perItem * count);
  return { points, rule: `${count} × ${perItem}${perItem * count > cap ? `, capped at ${cap}` : ''}` };
}

type EvidenceState = { ok: true } | { ok: false; problem?: 'late-evidence' | 'expired-evidence' };

/** `claimDate` is when the vendor made the claim: the answer's own date, else the interview's. */
function evidenceState(answer: Answer, claimDate: string | undefined, periodEnd: string): EvidenceState {
  const evidence = answer.evidence;
  if (evidence === undefined) return { ok: false };
  if (typeof evidence === 'string') return { ok: true };
  // Evidence must exist when the claim is made: a later document does not substantiate it.
  if (evidence.date && claimDate && evidence.date > claimDate) return { ok: false, problem: 'late-evidence' };
  if (evidence.expires && evidence.expires < periodEnd) return { ok: false, problem: 'expired-evidence' };
  return { ok: true };
}

function scoreSections(questionnaire: Questionnaire, questions: QuestionScore[]): SectionScore[] {
  const out: SectionScore[] = [];
  const pointsMethod = questionnaire.scoring.method === 'points';
  const visit = (section: Section, parent: string[]): { fraction: number | null; earned: number; possible: number } => {
    const path = [...parent, section.id];
    const key = path.join('/');
    const slot = out.length;
    out.push(undefined as unknown as SectionScore);
    let earned = 0;
    let possible = 0;
    let fraction: number | null;
    if (section.questions) {
      for (const q of questions) {
        if (q.section !== key) continue;
        earned += q.points;
        possible += q.possible;
      }
      fraction = possible > 0 ? earned / possible : null;
    } else {
      const children = section.sections!.map((child) => ({ child, result: visit(child, path) }));
      for (const { result } of children) {
        earned += result.earned;
        possible += result.possible;
      }
      if (pointsMethod) {
        fraction = possible > 0 ? earned / possible : null;
      } else {
        const counted = children.filter(({ result }) => result.fraction !== null);
        const weights = counted.reduce((sum, { child }) => sum + child.weight, 0);
        fraction = weights > 0 ? counted.reduce((sum, { child, result }) => sum + child.weight * result.fraction!, 0) / weights : null;
      }
    }
    out[slot] = { key, title: section.title, depth: parent.length, weight: section.weight, score: fraction === null ? null : round1(fraction * 100), earned: round2(earned), possible: round2(possible) };
    return { fraction, earned, possible };
  };
  for (const section of questionnaire.sections) visit(section, []);
  return out;
}

function overallScore(questionnaire: Questionnaire, sections: SectionScore[]): number {
  const top = sections.filter((s) => s.depth === 0);
  if (questionnaire.scoring.method === 'points') {
    const earned = top.reduce((sum, s) => sum + s.earned, 0);
    const possible = top.reduce((sum, s) => sum + s.possible, 0);
    return possible > 0 ? (100 * earned) / possible : 0;
  }
  const counted = top.filter((s) => s.score !== null);
  const weights = counted.reduce((sum, s) => sum + s.weight, 0);
  return weights > 0 ? counted.reduce((sum, s) => sum + s.weight * s.score!, 0) / weights : 0;
}

function raiseFlags(
  questionnaire: Questionnaire,
  index: QuestionnaireIndex,
  answers: Map<string, AnswerState>,
  facts: Record<Fact, number>,
  vendor: Vendor,
): RaisedFlag[] {
  const { caps } = verdictsOf(questionnaire);
  const raised: RaisedFlag[] = [];
  for (const rule of questionnaire.redFlags ?? []) {
    const context = { answers, facts };
    if (!evaluateCondition(rule.when, context)) continue;
    const because: RaisedFlag['because'] = [];
    for (const test of satisfiedTests(rule.when, context)) {
      const subject = isFactTest(test) ? test.fact : test.question;
      if (because.some((b) => b.question === subject)) continue;
      because.push({ question: subject, answer: isFactTest(test) ? String(facts[test.fact]) : shownAnswer(index, answers, vendor, test.question) });
    }
    raised.push({ id: rule.id, severity: rule.severity, title: rule.title, message: rule.message, because, cap: rule.cap ?? caps[rule.severity] });
  }
  return raised;
}

function shownAnswer(index: QuestionnaireIndex, answers: Map<string, AnswerState>, vendor: Vendor, id: string): string {
  const question = index.byId.get(id)!.question;
  const answer = answers.get(id);
  if (answer === undefined || (answer.value === undefined && !answer.notApplicable)) return 'unanswered';
  if (answer.notApplicable) return 'not applicable';
  if (question.type === 'list' && question.binds) return `${(vendor[question.binds] ?? []).length} recorded`;
  return formatAnswer(question, answer.value!);
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const fmt = (n: number) => String(round2(n));
const pct = (n: number) => `${Math.round(n * 100)}%`;
