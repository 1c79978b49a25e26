import { truthOf, type AnswerState, type ConditionContext } from '../conditions/evaluate-condition.js';
import { periodEndDate } from '../period.js';
import { indexQuestionnaire, type QuestionnaireIndex } from '../questionnaire-index.js';
import { FACTS, type Fact } from '../schema/condition.js';
import { ratesRisk, riskBandsOf, verdictsOf, type Question, type Questionnaire } from '../schema/questionnaire.js';
import { own } from '../schema/limits.js';
import type { Answer, Vendor } from '../schema/vendor.js';
import { checkClaims } from './check-claims.js';
import { raiseFlags } from './raise-flags.js';
import { rate } from './rating.js';
import { deliveryRecord, roadmapFacts, roadmapResults } from './roadmap-status.js';
import { hiddenQuestion, pendingQuestion, scoreQuestion, type QuestionContext } from './score-question.js';
import { ratingScore, scoreSections } from './score-sections.js';
import { openQuestions } from './open-questions.js';
import { verdictScale } from './verdict-scale.js';
import type { QuestionScore, RaisedFlag, VendorScore } from './types.js';
import { historyFacts, trackRecordLine, vendorTrackRecord, type VendorHistory } from './vendor-history.js';

// Scores one vendor's answers against a questionnaire: pure, deterministic, every point explained.
// Two ratings come out of it, never blended: legitimacy (the verdict: is the AI claim real?) and
// risk (what relying on the vendor risks). Neither is given until enough of what decides it is known.

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

  const known = new Map<string, AnswerState>();
  const conditions: ConditionContext = { answers: known, facts };
  const questions: QuestionScore[] = [];
  const questionContext: QuestionContext = {
    periodEnd: periodEndDate(context.period),
    unverifiedShare: questionnaire.scoring.unverifiedShare,
    record,
    track,
    explain: context.explain ?? true,
  };
  for (const { question, sectionKey } of index.questions) {
    const answer = answerFor(vendor, question, index);
    const shown = question.when ? truthOf(question.when, conditions) : 'yes';
    // A recorded answer counts while it cannot be told whether its question applies; with nothing
    // recorded, such a question waits for the answer it depends on.
    if (shown === 'no' || (shown === 'unknown' && !recorded(vendor, question, answer))) {
      questions.push(
        shown === 'no' ? hiddenQuestion(question, sectionKey, questionContext.explain) : pendingQuestion(question, sectionKey, questionContext.explain),
      );
      known.set(question.id, { status: shown === 'no' ? 'hidden' : 'not-asked', evidenced: false });
      continue;
    }
    const scored = scoreQuestion(question, sectionKey, answer, vendor, questionContext);
    questions.push(scored);
    known.set(question.id, stateOf(question, vendor, answer, scored));
  }

  const byId = new Map(questions.map((q) => [q.id, q]));
  const claims = checkClaims(questionnaire, index, vendor, conditions, byId);
  const redFlags: RaisedFlag[] = [...raiseFlags(questionnaire, index, conditions, vendor, byId), ...claims.flags];
  const sections = scoreSections(questionnaire, questions);
  const { verdicts, caps } = verdictsOf(questionnaire);
  const legitimacy = rate(
    questionnaire,
    { kind: 'legitimacy', bands: verdicts, caps, assessment: questionnaire.scoring.assessment },
    ratingScore(questionnaire, sections, 'legitimacy'),
    questions,
    redFlags,
  );
  const risk = ratesRisk(questionnaire)
    ? rate(
        questionnaire,
        { kind: 'risk', ...riskBandsOf(questionnaire), assessment: questionnaire.scoring.risk?.assessment },
        ratingScore(questionnaire, sections, 'risk'),
        questions,
        redFlags,
      )
    : undefined;

  const applicable = questions.filter((q) => q.state !== 'hidden' && q.state !== 'not-applicable');
  const asked = applicable.filter((q) => q.state !== 'not-asked');
  const earned = questions.reduce((sum, q) => sum + q.points, 0);
  const backed = questions.reduce((sum, q) => sum + (q.backed ? q.points : 0), 0);

  return {
    id: vendor.id,
    name: vendor.name,
    score: legitimacy.score,
    earned: legitimacy.earned,
    possible: legitimacy.possible,
    method: questionnaire.scoring.method,
    verdict: legitimacy.band,
    verdictLabel: legitimacy.bandLabel,
    verdictTone: verdictScale(verdictsOf(questionnaire).verdicts).tone(legitimacy.band),
    cappedBy: legitimacy.cappedBy,
    pointsVerdict: legitimacy.pointsBand,
    pointsVerdictLabel: legitimacy.pointsBandLabel,
    decisive: legitimacy.decisive,
    risk,
    completeness: applicable.length === 0 ? 1 : round3(asked.length / applicable.length),
    confidence: earned === 0 ? null : round3(backed / earned),
    sections,
    questions,
    redFlags,
    claims: claims.claims,
    openQuestions: openQuestions({
      legitimacy: { assessed: legitimacy.score !== null, decisive: legitimacy.decisive },
      risk: risk && { assessed: risk.score !== null, decisive: risk.decisive },
      flags: redFlags,
      claims: claims.claims,
    }),
    roadmap,
    facts,
    trackRecord: trackRecordLine(track),
  };
}

function answerFor(vendor: Vendor, question: Question, index: QuestionnaireIndex): Answer | undefined {
  // The vendor's own answers only: a question id such as "constructor" must not find Object.prototype's.
  const direct = own(vendor.answers, question.id);
  if (direct) return direct;
  // An answer kept under an id this question replaced still counts.
  for (const old of question.replaces ?? []) {
    const kept = own(vendor.answers, old);
    if (index.replaced.get(old) === question.id && kept) return kept;
  }
  return undefined;
}

function recorded(vendor: Vendor, question: Question, answer: Answer | undefined): boolean {
  if (question.type === 'list' && question.binds) return vendor[question.binds] !== undefined;
  return answer !== undefined;
}

function stateOf(question: Question, vendor: Vendor, answer: Answer | undefined, scored: QuestionScore): AnswerState {
  if (question.type === 'list' && question.binds) {
    const items = vendor[question.binds];
    return items === undefined ? { status: 'not-asked', evidenced: false } : { status: 'value', value: items as never, evidenced: false };
  }
  if (question.type === 'track-record')
    return scored.state === 'answered' ? { status: 'value', value: scored.points, evidenced: false } : { status: 'not-applicable', evidenced: false };
  if (!answer) return { status: 'not-asked', evidenced: false };
  if (answer.notApplicable !== undefined) return { status: 'not-applicable', evidenced: false };
  if (answer.declined !== undefined) return { status: 'declined', evidenced: false };
  return { status: 'value', value: answer.value, evidenced: scored.state === 'evidenced' };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
