import { comparePeriods, isCalendarDate, PERIOD_PATTERN, periodOfDate } from '../period.js';
import type { Option, Question } from '../schema/questionnaire.js';
import type { AnswerValue } from '../schema/vendor.js';

// Answers that have the right shape but cannot be true: "None" ticked beside a certificate, a
// quarter that has not come yet given for when something happened. The interview refuses them at
// the prompt and `validate` in the file, with the same words: each reason reads as a refusal line.

/**
 * Why `value` cannot be true of `question`, or undefined when it can. `today` is YYYY-MM-DD.
 * Values of the wrong shape are left to the type checks: they are not impossible, only wrong.
 */
export function impossibleAnswer(question: Question, value: AnswerValue, today: string): string | undefined {
  return exclusiveConflict(question, value) ?? futureAnswer(question, value, today);
}

/** An exclusive option ticked with others: "None" beside ISO/IEC 42001. Needs no clock. */
export function exclusiveConflict(question: Question, value: AnswerValue): string | undefined {
  const conflict = exclusiveTicked(question, value);
  if (!conflict) return undefined;
  return `"${conflict.alone.label}" cannot be ticked with other options: untick it, or untick ${conflict.others.map((o) => o.label).join(', ')}`;
}

/** The first exclusive option (in the questionnaire's order) ticked with others, and those others. */
export function exclusiveTicked(question: Question, value: AnswerValue): { alone: Option; others: Option[] } | undefined {
  if (question.type !== 'multi' || !Array.isArray(value)) return undefined;
  const ticked = question.options.filter((o) => value.includes(o.value));
  const alone = ticked.find((o) => o.exclusive);
  if (!alone || ticked.length < 2) return undefined;
  return { alone, others: ticked.filter((o) => o !== alone) };
}

/** A `past` question answered with a day after today, or a quarter after today's. */
export function futureAnswer(question: Question, value: AnswerValue, today: string): string | undefined {
  if (!question.past || typeof value !== 'string') return undefined;
  if (question.type === 'quarter' && PERIOD_PATTERN.test(value)) {
    const current = quarterOfDay(today);
    return comparePeriods(value, current) > 0
      ? `${value} is after this quarter (${current}): this question asks about the past, and ${value} has not come yet`
      : undefined;
  }
  if (question.type === 'date' && isCalendarDate(value)) {
    return value > today ? `${value} is after today (${today}): this question asks about the past, and ${value} has not come yet` : undefined;
  }
  return undefined;
}

/** The quarter a YYYY-MM-DD day falls in. */
export function quarterOfDay(day: string): string {
  return periodOfDate(new Date(`${day}T00:00:00Z`));
}
