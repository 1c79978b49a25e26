import { isCalendarDate, PERIOD_PATTERN } from '../period.js';
import type { QuestionnaireIndex } from '../questionnaire-index.js';
import type { ListField, Question } from '../schema/questionnaire.js';
import { ASSERTION_OPERATORS, type AnswerValue, type Assertion, type Vendor } from '../schema/vendor.js';
import { claimId } from '../claim-id.js';
import { quoted } from '../problem.js';
import { isReservedName, MAX_LONG_TEXT_LENGTH, own, RESERVED_HINT } from '../schema/limits.js';
import { didYouMean } from './did-you-mean.js';
import type { PathIssue } from './path-issue.js';
import { exclusiveConflict, exclusiveTicked } from './impossible-answer.js';
import { describe } from './schema-problems.js';

// Checks a vendor's answers against the questionnaire they answer: every answer belongs to a
// question, has the type that question asks for, and could be true ("None" is ticked alone).
// What depends on today's date is checked apart (check-dates.ts).

type Path = (string | number)[];

export function checkVendor(vendor: Vendor, index: QuestionnaireIndex, expectedId?: string): PathIssue[] {
  const issues: PathIssue[] = [];
  if (expectedId !== undefined && vendor.id !== expectedId) {
    issues.push({
      path: ['id'],
      message: `id "${vendor.id}" does not match the file name (${expectedId}.yaml)`,
      hint: `rename the file to ${vendor.id}.yaml or change the id`,
    });
  }
  const questionnaireId = index.questionnaire.id;
  if (vendor.questionnaire !== undefined && vendor.questionnaire !== questionnaireId) {
    issues.push({
      path: ['questionnaire'],
      message: `answers follow questionnaire "${vendor.questionnaire}", but they are being checked against "${questionnaireId}"`,
      hint: `pass --questionnaire ${vendor.questionnaire}`,
    });
    return issues;
  }
  const known = [...index.byId.keys()];
  for (const [id, answer] of Object.entries(vendor.answers)) {
    const path: Path = ['answers', id];
    if (isReservedName(id)) {
      issues.push({ path, key: true, message: `"${id}" is a reserved name and cannot be a key`, hint: RESERVED_HINT });
      continue;
    }
    const entry = index.byId.get(id);
    if (!entry) {
      const successor = index.replaced.get(id);
      issues.push(
        successor
          ? {
              path,
              key: true,
              severity: 'warning',
              message: `question "${id}" was replaced by "${successor}"; this answer is read as its answer`,
              hint: `rename the key to ${successor}`,
            }
          : {
              path,
              key: true,
              message: `no question ${quoted(id)} in questionnaire ${questionnaireId}`,
              hint: didYouMean(id, known) ?? 'run `aiclaim questionnaire show` for the question ids',
            },
      );
      continue;
    }
    const question = entry.question;
    if (question.type === 'track-record') {
      issues.push({ path, key: true, message: `"${id}" is computed by aiclaim from earlier findings snapshots, not answered`, hint: 'remove this answer' });
      continue;
    }
    if (question.type === 'list' && question.binds) {
      issues.push({ path, key: true, message: `${question.binds} entries live under the top-level "${question.binds}:" list, not under answers` });
      continue;
    }
    if (answer.notApplicable !== undefined && !question.notApplicable) {
      issues.push({
        path: [...path, 'notApplicable'],
        message: `"${id}" cannot be answered not applicable`,
        hint: 'give a value; if the vendor will not say, write declined: "what it said"; if nobody has asked yet, leave the question out',
      });
    }
    if (answer.value !== undefined)
      issues.push(...checkValue(answer.value, question, [...path, 'value']), ...checkExclusive(answer.value, question, [...path, 'value']));
    if (answer.by !== undefined && !(vendor.interview?.respondents ?? []).some((r) => r.name === answer.by)) {
      const names = (vendor.interview?.respondents ?? []).map((r) => r.name);
      issues.push({
        path: [...path, 'by'],
        message: `${quoted(answer.by)} is not among those who answered for the vendor${names.length ? ` (${names.join(', ')})` : ''}`,
        hint: names.length ? `write one of the names under interview.respondents, or add ${answer.by} there` : 'list who answered under interview.respondents',
      });
    }
    if (answer.declined !== undefined && answer.evidence !== undefined) {
      issues.push({
        path: [...path, 'evidence'],
        message: 'a declined answer has no value for evidence to back',
        hint: 'record the value the evidence shows instead of declined, or move the document to note',
      });
    }
    if (
      answer.evidence !== undefined &&
      typeof answer.evidence !== 'string' &&
      answer.evidence.date &&
      answer.evidence.expires &&
      answer.evidence.expires < answer.evidence.date
    ) {
      issues.push({ path: [...path, 'evidence', 'expires'], message: 'evidence expires before it was dated' });
    }
  }
  issues.push(...checkClaims(vendor, index), ...checkEvaluations(vendor, index));
  const commitmentIds = new Set<string>();
  vendor.roadmap?.forEach((commitment, i) => {
    if (commitmentIds.has(commitment.id)) issues.push({ path: ['roadmap', i, 'id'], message: `roadmap id "${commitment.id}" is used twice` });
    commitmentIds.add(commitment.id);
    if (commitment.promised && commitment.promised > commitment.due) {
      issues.push({ path: ['roadmap', i, 'due'], message: `due ${commitment.due} is before it was promised (${commitment.promised})` });
    }
    if (commitment.promised && commitment.deliveredIn && commitment.deliveredIn < commitment.promised) {
      issues.push({ path: ['roadmap', i, 'deliveredIn'], message: `delivered in ${commitment.deliveredIn}, before it was promised (${commitment.promised})` });
    }
    if (commitment.revisedDue && commitment.revisedDue <= commitment.due) {
      issues.push({
        path: ['roadmap', i, 'revisedDue'],
        message: `revisedDue ${commitment.revisedDue} is not after due ${commitment.due}`,
        hint: 'a slip moves the date later',
      });
    }
  });
  return issues;
}

/** What a claim asserts must be a test the question's answers can pass or fail. */
function checkClaims(vendor: Vendor, index: QuestionnaireIndex): PathIssue[] {
  const issues: PathIssue[] = [];
  const ids = new Map<string, number>();
  vendor.claims?.forEach((claim, i) => {
    const id = claimId(claim);
    const first = ids.get(id);
    if (first !== undefined) {
      issues.push({
        path: ['claims', i, claim.id ? 'id' : 'text'],
        message: claim.id ? `claim id "${id}" is used twice` : `the same claim is recorded twice (claim ${first + 1})`,
        hint: claim.id ? 'give each claim its own id' : 'remove the copy',
      });
    }
    ids.set(id, i);
    claim.asserts?.forEach((assertion, j) => issues.push(...checkAssertion(assertion, ['claims', i, 'asserts', j], index)));
  });
  return issues;
}

function checkAssertion(assertion: Assertion, path: Path, index: QuestionnaireIndex): PathIssue[] {
  const entry = testedQuestion(assertion.question, [...path, 'question'], index);
  if ('issue' in entry) return [entry.issue];
  const question = entry.question;
  const op = ASSERTION_OPERATORS.find((o) => assertion[o] !== undefined)!;
  const at = [...path, op];
  const numeric = op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte';
  if (numeric && question.type !== 'number')
    return [{ path: at, message: `${op} compares numbers, but "${question.id}" is a ${question.type} question`, hint: 'use equals or in' }];
  if (op === 'includes' && question.type !== 'multi')
    return [{ path: at, message: `includes tests a multiple-choice answer, but "${question.id}" is a ${question.type} question`, hint: 'use equals or in' }];
  if ((op === 'equals' || op === 'in') && question.type === 'multi')
    return [
      { path: at, message: `"${question.id}" is a multiple-choice question: assert what it includes`, hint: `write includes: ${question.options[0]!.value}` },
    ];
  if (assertion.unit !== undefined && (question.type !== 'number' || assertion.unit.trim().toLowerCase() !== question.unit.trim().toLowerCase())) {
    return [
      {
        path: [...path, 'unit'],
        message:
          question.type === 'number' ? `the claim speaks in ${assertion.unit}, but "${question.id}" counts ${question.unit}` : `"${question.id}" has no unit`,
        hint: question.type === 'number' ? `convert the figure to ${question.unit}, or remove unit` : 'remove unit',
      },
    ];
  }
  const values = op === 'in' ? (assertion.in ?? []) : [assertion[op]];
  return values.flatMap((value, i) => checkValue(value, question.type === 'multi' ? { ...question, type: 'choice' } : question, op === 'in' ? [...at, i] : at));
}

/** An evaluation records what a test measured, as an answer to the question would say it. */
function checkEvaluations(vendor: Vendor, index: QuestionnaireIndex): PathIssue[] {
  return (vendor.evaluations ?? []).flatMap((evaluation, i) => {
    const path: Path = ['evaluations', i];
    const entry = testedQuestion(evaluation.question, [...path, 'question'], index);
    if ('issue' in entry) return [entry.issue];
    return checkValue(evaluation.measured, entry.question, [...path, 'measured']);
  });
}

/** The question a claim or an evaluation speaks to: one whose answer is a value to compare. */
function testedQuestion(id: string, path: Path, index: QuestionnaireIndex): { question: Question } | { issue: PathIssue } {
  const entry = index.byId.get(id);
  if (!entry)
    return {
      issue: {
        path,
        message: `no question "${id}" in questionnaire ${index.questionnaire.id}`,
        hint: didYouMean(id, [...index.byId.keys()]) ?? 'run `aiclaim questionnaire show` for the question ids',
      },
    };
  const { question } = entry;
  if (question.type === 'list' || question.type === 'track-record' || question.type === 'text') {
    return {
      issue: {
        path,
        message: `"${id}" is a ${question.type} question: nothing can be measured against it`,
        hint: 'choose a yes/no, choice, number, date or quarter question',
      },
    };
  }
  return { question };
}

/** An option that stands alone ("None") ticked with others: located at the option. */
function checkExclusive(value: AnswerValue, question: Question, path: Path): PathIssue[] {
  const conflict = exclusiveConflict(question, value);
  const alone = exclusiveTicked(question, value)?.alone.value;
  if (!conflict || !alone || !Array.isArray(value)) return [];
  return [{ path: [...path, value.indexOf(alone)], message: conflict, hint: `write [${alone}] alone, or remove ${alone} from the list` }];
}

function checkValue(value: unknown, question: Question, path: Path): PathIssue[] {
  const wrong = (expected: string, hint?: string): PathIssue[] => [{ path, message: `"${question.id}" takes ${expected}, not ${describe(value)}`, hint }];
  switch (question.type) {
    case 'boolean':
      if (typeof value === 'boolean') return [];
      return wrong(
        'true or false',
        typeof value === 'string' && /^(yes|no|y|n|on|off)$/i.test(value) ? `write ${/^(yes|y|on)$/i.test(value) ? 'true' : 'false'}` : undefined,
      );
    case 'choice': {
      const options = question.options.map((o) => o.value);
      if (typeof value === 'string' && options.includes(value)) return [];
      return wrong(`one of ${options.join(', ')}`, typeof value === 'string' ? didYouMean(value, options) : undefined);
    }
    case 'multi': {
      const options = question.options.map((o) => o.value);
      if (!Array.isArray(value)) return wrong(`a list of ${options.join(', ')}`, typeof value === 'string' ? `write [${value}]` : undefined);
      const issues: PathIssue[] = [];
      const seen = new Set<unknown>();
      value.forEach((item, i) => {
        if (typeof item !== 'string' || !options.includes(item)) {
          issues.push({
            path: [...path, i],
            message: `${quoted(String(item))} is not an option of "${question.id}"`,
            hint: didYouMean(String(item), options) ?? `options are: ${options.join(', ')}`,
          });
        } else if (seen.has(item)) {
          issues.push({ path: [...path, i], message: `"${item}" is listed twice` });
        }
        seen.add(item);
      });
      return issues;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return wrong(
          `a number (${question.unit})`,
          typeof value === 'string' && /\d/.test(value) ? 'write the number alone, without units or separators: 1200000' : undefined,
        );
      }
      if (question.integer && !Number.isInteger(value)) return wrong(`a whole number (${question.unit})`);
      if (question.min !== undefined && value < question.min) return [{ path, message: `${value} is below the minimum of ${question.min} ${question.unit}` }];
      if (question.max !== undefined && value > question.max) return [{ path, message: `${value} is above the maximum of ${question.max} ${question.unit}` }];
      return [];
    case 'text':
      if (typeof value === 'string' && value.length > MAX_LONG_TEXT_LENGTH) {
        return [
          {
            path,
            message: `"${question.id}" takes text of at most ${MAX_LONG_TEXT_LENGTH.toLocaleString('en-US')} characters, not ${value.length.toLocaleString('en-US')}`,
            hint: 'shorten it, and keep the full text in a document the answer refers to as evidence',
          },
        ];
      }
      return typeof value === 'string' && value.trim() !== '' ? [] : wrong('text');
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? [] : wrong('a date written YYYY-MM-DD');
    case 'quarter':
      return typeof value === 'string' && PERIOD_PATTERN.test(value) ? [] : wrong('a quarter written YYYY-Qn');
    case 'list':
      if (!Array.isArray(value)) return wrong('a list');
      return value.flatMap((item, i) => checkListItem(item, question.fields ?? [], [...path, i], question.id));
    case 'track-record':
      return [];
  }
}

function checkListItem(item: unknown, fields: ListField[], path: Path, questionId: string): PathIssue[] {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return [{ path, message: `each item of "${questionId}" is a mapping of ${fields.map((f) => f.id).join(', ')}` }];
  }
  const record = item as Record<string, unknown>;
  const issues: PathIssue[] = [];
  const ids = fields.map((f) => f.id);
  for (const key of Object.keys(record)) {
    if (!ids.includes(key))
      issues.push({ path: [...path, key], key: true, message: `unknown field ${quoted(key)}`, hint: didYouMean(key, ids) ?? `fields are: ${ids.join(', ')}` });
  }
  for (const field of fields) {
    const value = own(record, field.id);
    if (value === undefined) {
      if (field.required) issues.push({ path, message: `item is missing "${field.id}"` });
      continue;
    }
    const asQuestion = { ...field, unit: '', evidence: 'none', notApplicable: false, options: field.options ?? [] } as unknown as Question;
    issues.push(...checkValue(value, asQuestion, [...path, field.id]));
  }
  return issues;
}
