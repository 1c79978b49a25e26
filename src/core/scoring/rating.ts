import { flagRef } from '../findings/flag-ref.js';
import { NOT_ASSESSED, type Questionnaire, type RatingKind, type Severity, type VerdictBand } from '../schema/questionnaire.js';
import { possiblePointsOf } from './score-question.js';
import type { Coverage, QuestionScore, RaisedFlag, Rating } from './types.js';
import { indexQuestionnaire } from '../questionnaire-index.js';

// A rating (legitimacy or risk): its band from the score, held down by the findings that cap it,
// and given at all only when enough of what decides it is known.

const ANSWERED_STATES: ReadonlySet<string> = new Set(['evidenced', 'answered', 'unverified', 'late-evidence', 'expired-evidence', 'declined']);

export interface RatingRules {
  kind: RatingKind;
  bands: readonly VerdictBand[];
  caps: Partial<Record<Severity, string>>;
  assessment?: { decisive: string[]; minimum?: number | undefined } | undefined;
}

/**
 * A rating is given when enough of its decisive questions are answered or declined, or when a
 * critical finding on recorded answers already settles it (a claim shown false has been tested).
 */
export function rate(
  questionnaire: Questionnaire,
  rules: RatingRules,
  points: { score: number | null; earned: number; possible: number },
  questions: readonly QuestionScore[],
  flags: readonly RaisedFlag[],
): Rating {
  const decisive = coverage(questionnaire, rules, questions);
  const settled = flags.some((f) => f.basis === 'answered' && f.rating === rules.kind && f.severity === 'critical');
  const assessed = points.score !== null && (decisive.answered >= decisive.required || settled);
  if (!assessed) {
    return {
      kind: rules.kind,
      score: null,
      earned: points.earned,
      possible: points.possible,
      band: NOT_ASSESSED.id,
      bandLabel: NOT_ASSESSED.label,
      pointsBand: NOT_ASSESSED.id,
      pointsBandLabel: NOT_ASSESSED.label,
      cappedBy: [],
      decisive,
    };
  }
  const score = points.score!;
  const { bands } = rules;
  const byPoints = bands.find((b) => score >= b.min) ?? bands[bands.length - 1]!;
  const rank = (id: string) => bands.findIndex((b) => b.id === id);
  let band = byPoints;
  const cappedBy: string[] = [];
  for (const flag of flags) {
    // Only findings cap: a flag that waits on missing answers is a question, not an answer.
    if (flag.basis !== 'answered' || flag.rating !== rules.kind || !flag.cap) continue;
    const cap = bands[rank(flag.cap)];
    if (cap && rank(cap.id) > rank(byPoints.id)) {
      cappedBy.push(flagRef(flag));
      if (rank(cap.id) > rank(band.id)) band = cap;
    }
  }
  return {
    kind: rules.kind,
    score,
    earned: points.earned,
    possible: points.possible,
    band: band.id,
    bandLabel: band.label,
    pointsBand: byPoints.id,
    pointsBandLabel: byPoints.label,
    cappedBy,
    decisive,
  };
}

/**
 * The decisive questions answered or declined, of those that apply (or may: a question whose
 * condition is not known yet counts as applying). Without declared decisive questions, any scored
 * question of the rating's sections decides, and one answered is enough.
 */
function coverage(questionnaire: Questionnaire, rules: RatingRules, questions: readonly QuestionScore[]): Coverage {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const declared = rules.assessment?.decisive;
  const index = indexQuestionnaire(questionnaire);
  const ids =
    declared ??
    index.questions.filter((q) => ratingOf(q.sectionPath[0]!, questionnaire) === rules.kind && possiblePointsOf(q.question) > 0).map((q) => q.question.id);
  let answered = 0;
  let applicable = 0;
  const missing: string[] = [];
  for (const id of ids) {
    const q = byId.get(id);
    if (!q || q.state === 'hidden' || q.state === 'not-applicable') continue;
    applicable++;
    if (ANSWERED_STATES.has(q.state)) answered++;
    else if (declared) missing.push(id);
  }
  const minimum = declared ? (rules.assessment?.minimum ?? ids.length) : 1;
  return { answered, applicable, required: Math.min(minimum, applicable), missing };
}

function ratingOf(sectionId: string, questionnaire: Questionnaire): RatingKind {
  return questionnaire.sections.find((s) => s.id === sectionId)?.rating ?? 'legitimacy';
}
