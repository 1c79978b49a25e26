import { evaluateCondition, satisfiedTests, truthOf, type AnswerState, type ConditionContext } from '../conditions/evaluate-condition.js';
import type { QuestionnaireIndex } from '../questionnaire-index.js';
import { isFactTest } from '../schema/condition.js';
import { riskBandsOf, verdictsOf, type Questionnaire } from '../schema/questionnaire.js';
import { own } from '../schema/limits.js';
import type { Vendor } from '../schema/vendor.js';
import { formatAnswer } from './format-answer.js';
import type { QuestionScore, RaisedFlag } from './types.js';

// The questionnaire's red flags. A flag is raised when its condition holds with every question not
// asked taken as unanswered; it is a finding (basis: answered) when it holds on what is recorded
// alone, and an open question (basis: missing) when it holds only because answers are absent.

export function raiseFlags(
  questionnaire: Questionnaire,
  index: QuestionnaireIndex,
  context: ConditionContext,
  vendor: Vendor,
  questions: ReadonlyMap<string, QuestionScore>,
): RaisedFlag[] {
  const caps = { legitimacy: verdictsOf(questionnaire).caps, risk: riskBandsOf(questionnaire).caps };
  const raised: RaisedFlag[] = [];
  for (const rule of questionnaire.redFlags ?? []) {
    if (!evaluateCondition(rule.when, context)) continue;
    const basis = truthOf(rule.when, context) === 'yes' ? 'answered' : 'missing';
    const because: RaisedFlag['because'] = [];
    const absent: string[] = [];
    for (const test of satisfiedTests(rule.when, context)) {
      const subject = isFactTest(test) ? test.fact : test.question;
      if (because.some((b) => b.question === subject)) continue;
      because.push({
        question: subject,
        answer: isFactTest(test) ? String(own(context.facts, test.fact) ?? 0) : shownAnswer(index, context.answers.get(subject), vendor, subject),
      });
      if (!isFactTest(test) && (context.answers.get(subject)?.status ?? 'not-asked') === 'not-asked') absent.push(subject);
    }
    // Ask first what can be asked now; questions waiting on those come after.
    const ask = basis === 'missing' ? [...absent.filter((id) => !questions.get(id)?.pending), ...absent.filter((id) => questions.get(id)?.pending)] : [];
    raised.push({
      id: rule.id,
      severity: rule.severity,
      title: rule.title,
      message: rule.message,
      basis,
      rating: rule.rating,
      because,
      ask,
      cap: basis === 'answered' ? (rule.cap ?? caps[rule.rating][rule.severity]) : undefined,
    });
  }
  return raised;
}

function shownAnswer(index: QuestionnaireIndex, answer: AnswerState | undefined, vendor: Vendor, id: string): string {
  const question = index.byId.get(id)!.question;
  switch (answer?.status ?? 'not-asked') {
    case 'not-asked':
      return 'not asked';
    case 'hidden':
      return 'does not apply';
    case 'declined':
      return 'declined';
    case 'not-applicable':
      return 'not applicable';
    case 'value':
      if (question.type === 'list' && question.binds) return `${(vendor[question.binds] ?? []).length} recorded`;
      return formatAnswer(question, answer!.value!);
  }
}
