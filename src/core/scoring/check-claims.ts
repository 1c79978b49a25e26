import { describeCondition } from '../conditions/describe-condition.js';
import type { ConditionContext } from '../conditions/evaluate-condition.js';
import { claimId } from '../claim-id.js';
import type { QuestionnaireIndex } from '../questionnaire-index.js';
import { questionsIn } from '../schema/condition.js';
import type { ClaimOutcome } from '../schema/findings.js';
import { MAX_TEXT_LENGTH } from '../schema/limits.js';
import { CLAIM_FLAG_IDS, claimRulesOf, verdictsOf, type Question, type Questionnaire } from '../schema/questionnaire.js';
import { ASSERTION_OPERATORS, type Assertion, type AnswerValue, type Claim, type Evaluation, type Vendor } from '../schema/vendor.js';
import { shorten } from '../shorten.js';
import { formatAnswer, formatNumber } from './format-answer.js';
import type { AssertionCheck, ClaimScore, QuestionScore, RaisedFlag } from './types.js';

// Claims are testable assertions. Each assertion a claim carries is compared with the vendor's own
// answer (and whether evidence backs it), and with every evaluation recorded for the same question.
// Anything that says otherwise contradicts the claim: the heart of every enforcement case. A claim
// whose question the vendor declined is withheld from checking; one nothing recorded can check is
// an open question for the vendor (open-questions.ts). A figure that falls short of the claim by
// less than the tolerance of measurement (two runs of a benchmark differ) is disputed: a question,
// not a finding.

export interface ClaimResults {
  claims: ClaimScore[];
  flags: RaisedFlag[];
}

type Agreement = 'agrees' | 'short' | 'disagrees';

interface Found {
  by: string;
  shown: string;
  agrees: Agreement;
  /** Evidence (or a test that predates the claim) backs it, not only the vendor's word. */
  backed: boolean;
}

export function checkClaims(
  questionnaire: Questionnaire,
  index: QuestionnaireIndex,
  vendor: Vendor,
  context: ConditionContext,
  questions: ReadonlyMap<string, QuestionScore>,
): ClaimResults {
  const config = claimRulesOf(questionnaire);
  const caps = verdictsOf(questionnaire).caps;
  const results: ClaimResults = { claims: [], flags: [] };
  for (const claim of vendor.claims ?? []) {
    if (!claim.asserts) continue;
    const id = claimId(claim);
    const checks = claim.asserts.map((assertion) =>
      checkAssertion(claim, id, assertion, index, vendor.evaluations ?? [], context, questions, config.tolerance),
    );
    results.claims.push({ id, text: claim.text, source: claim.source, date: claim.date, checks });
    const where = [claim.source, claim.date].filter(Boolean).join(', ');
    const quoted = `"${shorten(claim.text, 70)}"`;
    const contradicted = checks.filter((c) => c.outcome === 'contradicted');
    const withheld = checks.filter((c) => c.outcome === 'withheld');
    if (contradicted.length) {
      results.flags.push({
        id: CLAIM_FLAG_IDS.contradicted,
        subject: id,
        severity: config.contradicted.severity,
        title: `Claim contradicted by the record: ${quoted}`,
        message: `${where ? `${where}: ` : ''}"${claim.text}" asserts ${contradicted.map((c) => `${c.question} ${c.asserts}`).join(' and ')}; found: ${contradicted.map((c) => c.found).join('; ')}.`,
        basis: 'answered',
        rating: 'legitimacy',
        because: contradicted.map((c) => ({ question: c.question, answer: c.found ?? '' })),
        ask: [],
        cap: config.contradicted.cap ?? caps[config.contradicted.severity],
      });
    } else if (withheld.length) {
      results.flags.push({
        id: CLAIM_FLAG_IDS.withheld,
        subject: id,
        severity: config.withheld.severity,
        title: `Claim withheld from checking: ${quoted}`,
        message: `${where ? `${where}: ` : ''}"${claim.text}" asserts ${withheld.map((c) => `${c.question} ${c.asserts}`).join(' and ')}, but the vendor declined to answer what would check it.`,
        basis: 'answered',
        rating: 'legitimacy',
        because: withheld.map((c) => ({ question: c.question, answer: 'declined' })),
        ask: [],
        cap: config.withheld.cap ?? caps[config.withheld.severity],
      });
    }
  }
  return results;
}

function checkAssertion(
  claim: Claim,
  id: string,
  assertion: Assertion,
  index: QuestionnaireIndex,
  evaluations: readonly Evaluation[],
  context: ConditionContext,
  questions: ReadonlyMap<string, QuestionScore>,
  tolerance: number,
): AssertionCheck {
  const question = index.byId.get(assertion.question)!.question;
  const asserts = withinLimit(describeAssertion(assertion, question));
  const answer = context.answers.get(question.id);
  const scored = questions.get(question.id);
  const found: Found[] = [];
  if (answer?.status === 'value' && answer.value !== undefined) {
    found.push({
      by: "the vendor's own answer",
      shown: formatAnswer(question, answer.value),
      agrees: agreement(assertion, answer.value, tolerance),
      backed: scored?.state === 'evidenced',
    });
  }
  for (const e of evaluations.filter((x) => x.question === question.id)) {
    const by = [e.by, e.date, e.independent ? 'independent' : "the vendor's own test"].filter(Boolean).join(', ');
    // Evidence must exist when the claim is made: a later test can refute a claim, not substantiate it.
    const inTime = !e.date || !claim.date || e.date <= claim.date;
    found.push({
      by,
      shown: formatAnswer(question, e.measured as AnswerValue),
      agrees: agreement(assertion, e.measured as AnswerValue, tolerance),
      backed: inTime,
    });
  }
  const shownFound = (list: readonly Found[]) => list.map((f) => `${f.shown} (${f.by})`).join('; ');
  const result = (outcome: ClaimOutcome, list: readonly Found[] | string = found): AssertionCheck => {
    const text = typeof list === 'string' ? list : shownFound(list);
    return { claim: id, question: question.id, asserts, outcome, found: withinLimit(text) || undefined };
  };
  const against = found.filter((f) => f.agrees === 'disagrees');
  if (against.length) return result('contradicted', against);
  const short = found.filter((f) => f.agrees === 'short');
  if (short.length) return result('disputed', short);
  if (question.when && (answer?.status === 'hidden' || (answer?.status === 'not-asked' && scored?.pending))) {
    // Whether the question applies depends on one the vendor declined: what would check the claim is withheld.
    const declined = questionsIn(question.when).filter((q) => context.answers.get(q)?.status === 'declined');
    if (declined.length) return result('withheld', `the vendor declined ${declined.join(', ')}`);
    // The answers rule the question out: what the claim asserts about it cannot be so.
    if (answer.status === 'hidden')
      return result('contradicted', `${question.id} does not apply by the vendor's own answers: it is asked only when ${describeCondition(question.when)}`);
  }
  if (found.some((f) => f.backed))
    return result(
      'supported',
      found.filter((f) => f.backed),
    );
  if (answer?.status === 'declined') return result('withheld', 'the vendor declined to answer');
  if (found.length) return result('unverified');
  if (answer?.status === 'not-applicable') return result('unchecked', 'answered not applicable');
  return result('unchecked', '');
}

/**
 * What a snapshot records of a check is read back with the limits of any text (MAX_TEXT_LENGTH): a
 * claim tested against hundreds of evaluations is cut, never written longer than can be read.
 */
function withinLimit(text: string): string {
  return text.length <= MAX_TEXT_LENGTH ? text : `${text.slice(0, MAX_TEXT_LENGTH - 1)}…`;
}

/**
 * Whether a value bears the assertion out. A number that misses a claimed figure by no more than
 * `tolerance` of it falls short (disputed), by more it disagrees.
 */
function agreement(assertion: Assertion, value: AnswerValue, tolerance: number): Agreement {
  const yes = (holds: boolean): Agreement => (holds ? 'agrees' : 'disagrees');
  if (assertion.in !== undefined) return yes(assertion.in.includes(value as string | number | boolean));
  if (assertion.includes !== undefined) return yes(Array.isArray(value) && value.includes(assertion.includes));
  if (typeof value !== 'number') return yes(assertion.equals !== undefined && value === assertion.equals);
  const bound = assertion.equals ?? assertion.gt ?? assertion.gte ?? assertion.lt ?? assertion.lte;
  if (typeof bound !== 'number') return 'disagrees';
  const holds =
    assertion.equals !== undefined
      ? value === bound
      : assertion.gt !== undefined
        ? value > bound
        : assertion.gte !== undefined
          ? value >= bound
          : assertion.lt !== undefined
            ? value < bound
            : value <= bound;
  if (holds) return 'agrees';
  return Math.abs(value - bound) <= tolerance * Math.abs(bound) ? 'short' : 'disagrees';
}

const WORDS: Record<string, string> = { equals: 'is', in: 'is one of', gt: '>', gte: '≥', lt: '<', lte: '≤', includes: 'includes' };

/** "≥ 95 % of outputs", "is one of Trained in-house from scratch, …", "is yes". */
function describeAssertion(assertion: Assertion, question: Question): string {
  const op = ASSERTION_OPERATORS.find((o) => assertion[o] !== undefined)!;
  const value = assertion[op];
  const shown = (v: unknown) => {
    if (question.type === 'number' && typeof v === 'number') return `${formatNumber(v)} ${question.unit}`;
    if (question.type === 'boolean' && typeof v === 'boolean') return v ? 'yes' : 'no';
    if ((question.type === 'choice' || question.type === 'multi') && typeof v === 'string') return question.options.find((o) => o.value === v)?.label ?? v;
    return String(v);
  };
  return `${WORDS[op]} ${Array.isArray(value) ? value.map(shown).join(', ') : shown(value)}`;
}
