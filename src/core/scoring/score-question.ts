import { describeCondition } from '../conditions/describe-condition.js';
import { answerDigest } from '../digest.js';
import type { QuestionState } from '../schema/findings.js';
import type { Question } from '../schema/questionnaire.js';
import type { Answer, Vendor } from '../schema/vendor.js';
import { keptShare, type TrackRecord } from '../tracking/track-record.js';
import { formatAnswer } from './format-answer.js';
import { possiblePoints, rulePoints } from './question-rules.js';
import { deliveryShare, type DeliveryRecord } from './roadmap-status.js';
import type { QuestionScore } from './types.js';
import { trackRecordLine } from './vendor-history.js';

// One question's points, with the reason for every one of them. What is known of a question is
// one of: a value (with its evidence), a decline, not applicable, not asked yet, or ruled out by an
// earlier answer. Only values and declines count in the score; a decline counts as zero.

export interface QuestionContext {
  periodEnd: string;
  unverifiedShare: number;
  record: DeliveryRecord;
  track: TrackRecord | undefined;
  /** Build the reason texts; off in batch runs without --explain (points and states are the same). */
  explain: boolean;
}

type Base = Pick<QuestionScore, 'id' | 'text' | 'section' | 'possible'>;

/**
 * Every question score is made here, with its fields in one order: object spreads in this loop
 * (run for every question of every vendor) cost V8 hundreds of times more than a literal.
 */
function questionScore(
  base: Base,
  state: QuestionState,
  points: number,
  rule: string,
  notes: string[],
  backed: boolean,
  answer?: string,
  digest?: string,
  possible = base.possible,
  pending = false,
): QuestionScore {
  return { id: base.id, text: base.text, section: base.section, state, points, possible, answer, rule, notes, digest, backed, pending };
}

export function hiddenQuestion(question: Question, section: string, explain: boolean): QuestionScore {
  const notes = explain ? [`hidden: asked only when ${question.when ? describeCondition(question.when) : 'its condition holds'}`] : [];
  return questionScore({ id: question.id, text: question.text, section, possible: 0 }, 'hidden', 0, 'not asked', notes, true);
}

/** Not asked because the answers it depends on are not known yet: out of the score. */
export function pendingQuestion(question: Question, section: string, explain: boolean): QuestionScore {
  const worth = possiblePointsOf(question);
  const notes = explain
    ? [
        `not asked yet: it applies only when ${question.when ? describeCondition(question.when) : 'its condition holds'}, which is not known yet${worthNote(worth)}`,
      ]
    : [];
  return questionScore(
    { id: question.id, text: question.text, section, possible: 0 },
    'not-asked',
    0,
    'not asked yet',
    notes,
    true,
    undefined,
    undefined,
    0,
    true,
  );
}

export function scoreQuestion(question: Question, section: string, answer: Answer | undefined, vendor: Vendor, context: QuestionContext): QuestionScore {
  const possible = possiblePointsOf(question);
  const base = { id: question.id, text: question.text, section, possible };
  if (question.type === 'list' && question.binds) return scoreBoundList(question, base, vendor, context);
  if (question.type === 'track-record') return scoreTrackRecord(possible, base, context.track);
  if (!answer) {
    const notes = context.explain ? [`not asked yet: out of the score${worthNote(possible)}`] : [];
    return questionScore(base, 'not-asked', 0, 'not asked yet', notes, true, undefined, undefined, 0);
  }
  if (answer.notApplicable !== undefined) {
    return questionScore(base, 'not-applicable', 0, 'not applicable', [`not applicable: ${answer.notApplicable}`], true, 'not applicable', undefined, 0);
  }
  if (answer.declined !== undefined) {
    const notes = context.explain ? [`declined ("${answer.declined}"): the vendor would not say, so it earns 0 of ${fmt(possible)}`] : [];
    return questionScore(
      base,
      'declined',
      0,
      'declined',
      notes,
      true,
      context.explain ? `declined: ${answer.declined}` : undefined,
      answerDigest({ declined: answer.declined }),
    );
  }
  const value = answer.value!;
  const { points: rawPoints, rule } =
    question.type === 'list' ? listItemPoints(question, Array.isArray(value) ? value.length : 0) : rulePoints(question, value, context.explain);
  const digest = answerDigest(value);
  const shown = context.explain ? formatAnswer(question, value) : undefined;
  const evidence = evidenceState(answer, answer.date ?? vendor.interview?.date, context.periodEnd);
  const notes: string[] = [];
  // Anyone can write a sentence down: a text answer earns its points only when evidence backs it.
  const share = question.type === 'text' ? 0 : context.unverifiedShare;
  const needsEvidence = question.evidence === 'required' || question.type === 'text';
  let points = rawPoints;
  let state: QuestionState;
  if (evidence.ok) {
    state = 'evidenced';
  } else if (evidence.problem === undefined) {
    state = 'answered';
    if (needsEvidence && rawPoints > 0) {
      points = rawPoints * share;
      state = 'unverified';
      if (context.explain)
        notes.push(
          question.type === 'text'
            ? `text earns its points only with evidence: 0 of ${fmt(rawPoints)} until it is shown`
            : `evidence required, none given: claimed, not shown (${pct(share)} of ${fmt(rawPoints)})`,
        );
    }
  } else {
    state = evidence.problem;
    const why = evidence.problem === 'late-evidence' ? 'evidence is dated after the claim it should support' : 'evidence expired before the end of the period';
    if (needsEvidence && rawPoints > 0) {
      points = rawPoints * share;
      notes.push(`${why}: counts as unverified (${pct(share)} of ${fmt(rawPoints)})`);
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
    const notes = context.explain ? [`no ${question.binds} recorded: not asked yet, out of the score${worthNote(base.possible)}`] : [];
    return questionScore(base, 'not-asked', 0, 'not asked yet', notes, true, undefined, undefined, 0);
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
  return questionScore(
    base,
    'answered',
    round2(share * points),
    `${pct(share)} of ${points} for promises kept on time across snapshots`,
    [],
    true,
    line,
    digest,
  );
}

const possibleCache = new WeakMap<Question, number>();

/** The most a question can earn: worked out once per question, not once per vendor. */
export function possiblePointsOf(question: Question): number {
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

const worthNote = (possible: number) => (possible > 0 ? ` (worth up to ${fmt(possible)})` : '');
const round2 = (n: number) => Math.round(n * 100) / 100;
const fmt = (n: number) => String(round2(n));
const pct = (n: number) => `${Math.round(n * 100)}%`;
