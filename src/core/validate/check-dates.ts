import { comparePeriods, isCalendarDate, PERIOD_PATTERN } from '../period.js';
import type { QuestionnaireIndex } from '../questionnaire-index.js';
import type { Evidence, Vendor } from '../schema/vendor.js';
import { futureAnswer, quarterOfDay } from './impossible-answer.js';
import type { PathIssue } from './path-issue.js';

// What a vendor file cannot say on the day it is read: a claim made, a document dated, an
// interview held or a promise delivered after today, or a `past` question answered with a day or
// quarter that has not come. Apart from check-vendor.ts because it depends on the clock: `validate`
// runs it, and batch scoring does not fail on it. `today` is YYYY-MM-DD. Expiry and renewal dates
// look ahead, and are not checked here.

type Path = (string | number)[];

export function checkDates(vendor: Vendor, index: QuestionnaireIndex, today: string): PathIssue[] {
  const quarter = quarterOfDay(today);
  const issues: PathIssue[] = [];
  const afterToday = (date: string | undefined, path: Path, what: string, hint: string) => {
    if (date !== undefined && isCalendarDate(date) && date > today) issues.push({ path, message: `${what} is dated ${date}, after today (${today})`, hint });
  };
  const afterQuarter = (period: string | undefined, path: Path, what: string, hint: string) => {
    if (period !== undefined && PERIOD_PATTERN.test(period) && comparePeriods(period, quarter) > 0) {
      issues.push({ path, message: `${what} ${period}, after this quarter (${quarter}): ${period} has not come yet`, hint });
    }
  };
  const evidenceDate = (evidence: Evidence | undefined, path: Path) => {
    if (evidence !== undefined && typeof evidence !== 'string')
      afterToday(evidence.date, [...path, 'date'], 'the evidence', 'write the date the document bears');
  };

  afterToday(vendor.interview?.date, ['interview', 'date'], 'the interview', 'write the day the interview took place');
  vendor.claims?.forEach((claim, i) => afterToday(claim.date, ['claims', i, 'date'], 'the claim', 'write the day the claim was made, or first seen'));
  vendor.evaluations?.forEach((evaluation, i) => afterToday(evaluation.date, ['evaluations', i, 'date'], 'the evaluation', 'write the day the test reported'));

  const sameQuestionnaire = vendor.questionnaire === undefined || vendor.questionnaire === index.questionnaire.id;
  for (const [id, answer] of Object.entries(vendor.answers)) {
    const path: Path = ['answers', id];
    afterToday(answer.date, [...path, 'date'], 'the answer', 'write the day the vendor answered');
    evidenceDate(answer.evidence, [...path, 'evidence']);
    if (!sameQuestionnaire || answer.value === undefined) continue;
    // An answer under a replaced id is read as its successor's (check-vendor.ts warns of it).
    const question = (index.byId.get(id) ?? index.byId.get(index.replaced.get(id) ?? ''))?.question;
    const reason = question && futureAnswer(question, answer.value, today);
    if (reason)
      issues.push({
        path: [...path, 'value'],
        message: reason,
        hint: `write the ${question.type === 'quarter' ? 'quarter' : 'day'} it happened; one still planned is not an answer yet`,
      });
  }

  vendor.roadmap?.forEach((commitment, i) => {
    const path: Path = ['roadmap', i];
    afterQuarter(commitment.promised, [...path, 'promised'], 'promised in', 'write the quarter the vendor made the promise');
    afterQuarter(
      commitment.deliveredIn,
      [...path, 'deliveredIn'],
      'delivered in',
      'write the quarter it shipped; if it has not shipped yet, it is not delivered',
    );
    evidenceDate(commitment.evidence, [...path, 'evidence']);
  });
  return issues;
}
