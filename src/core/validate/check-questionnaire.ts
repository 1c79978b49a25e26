import { indexQuestionnaire, type QuestionnaireIndex } from '../questionnaire-index.js';
import { isQuestionTest, operatorOf, NUMERIC_OPERATORS, type Condition, type QuestionTest } from '../schema/condition.js';
import { verdictsOf, type Question, type Questionnaire, type Section } from '../schema/questionnaire.js';
import { didYouMean } from './did-you-mean.js';
import type { PathIssue } from './path-issue.js';
import { label } from './schema-problems.js';

// What the schema cannot say about a questionnaire: ids are unique, conditions read questions
// that exist and come earlier (so no cycle is possible), values match the question they test.

type Path = (string | number)[];

export function checkQuestionnaire(questionnaire: Questionnaire): PathIssue[] {
  const issues: PathIssue[] = [];
  const index = indexQuestionnaire(questionnaire);
  const questionPaths = new Map<string, Path>();

  const visitSections = (sections: Section[], base: Path, seen: Set<string>) => {
    sections.forEach((section, i) => {
      const path = [...base, i];
      if (seen.has(section.id)) issues.push({ path: [...path, 'id'], message: `section id "${section.id}" is used twice at this level`, hint: 'give each section its own id' });
      seen.add(section.id);
      section.questions?.forEach((question, j) => {
        const qPath = [...path, 'questions', j];
        if (questionPaths.has(question.id)) {
          issues.push({ path: [...qPath, 'id'], message: `question id "${question.id}" is used twice (first at ${label(questionPaths.get(question.id)!)})`, hint: 'question ids must be unique across the questionnaire' });
        } else {
          questionPaths.set(question.id, qPath);
        }
        issues.push(...checkQuestion(question, qPath, index));
      });
      if (section.sections) visitSections(section.sections, [...path, 'sections'], new Set());
    });
  };
  visitSections(questionnaire.sections, ['sections'], new Set());

  if (questionnaire.scoring.method === 'points') {
    const weighted = index.sections.find((s) => s.section.weight !== 1);
    if (weighted) {
      issues.push({ path: ['scoring', 'method'], severity: 'warning', message: `section weights are ignored when scoring by points (section "${weighted.key}" has weight ${weighted.section.weight})`, hint: 'use method: weighted-sections, or remove the weights' });
    }
  }
  const { verdicts } = verdictsOf(questionnaire);
  const verdictIds = verdicts.map((v) => v.id);
  if (questionnaire.scoring.verdicts) {
    const mins = verdicts.map((v) => v.min);
    if (mins.some((m, i) => i > 0 && m >= mins[i - 1]!)) {
      issues.push({ path: ['scoring', 'verdicts'], message: 'verdicts must be listed from the highest minimum score to the lowest' });
    }
    if (mins[mins.length - 1] !== 0) issues.push({ path: ['scoring', 'verdicts'], message: 'the last verdict must have min: 0 so that every score has a verdict' });
  }
  for (const [severity, cap] of Object.entries(questionnaire.scoring.caps ?? {})) {
    if (!verdictIds.includes(cap)) issues.push({ path: ['scoring', 'caps', severity], message: `caps.${severity}: unknown verdict "${cap}"`, hint: didYouMean(cap, verdictIds) ?? `verdicts are: ${verdictIds.join(', ')}` });
  }

  const flagIds = new Set<string>();
  questionnaire.redFlags?.forEach((flag, i) => {
    const path = ['redFlags', i];
    if (flagIds.has(flag.id)) issues.push({ path: [...path, 'id'], message: `red flag id "${flag.id}" is used twice` });
    flagIds.add(flag.id);
    if (flag.cap && !verdictIds.includes(flag.cap)) {
      issues.push({ path: [...path, 'cap'], message: `unknown verdict "${flag.cap}"`, hint: didYouMean(flag.cap, verdictIds) ?? `verdicts are: ${verdictIds.join(', ')}` });
    }
    issues.push(...checkCondition(flag.when, [...path, 'when'], index, undefined));
    issues.push(...checkMaps(flag.maps, path, questionnaire));
  });
  return issues;
}

function checkQuestion(question: Question, path: Path, index: QuestionnaireIndex): PathIssue[] {
  const issues: PathIssue[] = [];
  const own = index.byId.get(question.id)!;
  if (question.when) issues.push(...checkCondition(question.when, [...path, 'when'], index, own.order));
  issues.push(...checkMaps(question.maps, path, index.questionnaire));
  if (question.type === 'choice' || question.type === 'multi') {
    const values = new Set<string>();
    question.options.forEach((option, i) => {
      if (values.has(option.value)) issues.push({ path: [...path, 'options', i, 'value'], message: `option "${option.value}" is listed twice` });
      values.add(option.value);
    });
  }
  if (question.type === 'number') {
    if (question.min !== undefined && question.max !== undefined && question.min > question.max) {
      issues.push({ path: [...path, 'min'], message: `min (${question.min}) is above max (${question.max})` });
    }
  }
  if (question.type === 'list') {
    if (!question.binds && !question.fields) {
      issues.push({ path, message: `list question "${question.id}" needs fields (the columns of each item) or binds: roadmap | claims` });
    }
    if (question.points && 'delivery' in question.points && question.binds !== 'roadmap') {
      issues.push({ path: [...path, 'points'], message: 'delivery points score roadmap commitments', hint: 'add binds: roadmap, or score items with perItem' });
    }
  }
  for (const old of question.replaces ?? []) {
    if (index.byId.has(old)) issues.push({ path: [...path, 'replaces'], message: `replaces "${old}", which is still a question here`, hint: 'a question can only replace an id the questionnaire no longer has' });
  }
  return issues;
}

function checkMaps(maps: { framework: string }[] | undefined, path: Path, questionnaire: Questionnaire): PathIssue[] {
  const declared = Object.keys(questionnaire.frameworks ?? {});
  if (!maps || declared.length === 0) return [];
  return maps.flatMap((map, i) =>
    declared.includes(map.framework)
      ? []
      : [{ path: [...path, 'maps', i, 'framework'], message: `unknown framework "${map.framework}"`, hint: didYouMean(map.framework, declared) ?? `declare it under frameworks: (known: ${declared.join(', ')})` }],
  );
}

/** `order` is the position of the question that owns the condition; red flags may read any question. */
export function checkCondition(condition: Condition, path: Path, index: QuestionnaireIndex, order: number | undefined): PathIssue[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => checkCondition(c, [...path, 'all', i], index, order));
  if ('any' in condition) return condition.any.flatMap((c, i) => checkCondition(c, [...path, 'any', i], index, order));
  if ('not' in condition) return checkCondition(condition.not, [...path, 'not'], index, order);
  if (!isQuestionTest(condition)) return [];
  return checkQuestionTest(condition, path, index, order);
}

function checkQuestionTest(test: QuestionTest, path: Path, index: QuestionnaireIndex, order: number | undefined): PathIssue[] {
  const target = index.byId.get(test.question);
  if (!target) {
    return [{ path: [...path, 'question'], message: `condition refers to question "${test.question}", which does not exist`, hint: didYouMean(test.question, [...index.byId.keys()]) }];
  }
  if (order !== undefined && target.order >= order) {
    const self = target.order === order;
    return [
      {
        path: [...path, 'question'],
        message: self ? `condition refers to its own question "${test.question}"` : `condition refers to "${test.question}", a later question`,
        hint: 'a question can only depend on questions asked before it (this also rules out cycles of conditions)',
      },
    ];
  }
  const question = target.question;
  const op = operatorOf(test);
  const at = [...path, op];
  if ((NUMERIC_OPERATORS as readonly string[]).includes(op) && question.type !== 'number') {
    return [{ path: at, message: `${op} compares numbers, but "${question.id}" is a ${question.type} question` }];
  }
  if (op === 'includes' && question.type !== 'multi') {
    return [{ path: at, message: `includes tests a multiple-choice answer, but "${question.id}" is a ${question.type} question`, hint: 'use equals or in' }];
  }
  const values = op === 'equals' || op === 'notEquals' ? [test[op]] : op === 'in' || op === 'notIn' ? (test[op] ?? []) : op === 'includes' ? [test.includes] : [];
  return values.flatMap((value) => checkTestValue(value, question, at));
}

function checkTestValue(value: unknown, question: Question, path: Path): PathIssue[] {
  switch (question.type) {
    case 'boolean':
      return typeof value === 'boolean' ? [] : [{ path, message: `"${question.id}" is a yes/no question: compare with true or false` }];
    case 'choice':
    case 'multi': {
      const options = question.options.map((o) => o.value);
      return typeof value === 'string' && options.includes(value)
        ? []
        : [{ path, message: `"${String(value)}" is not an option of "${question.id}"`, hint: didYouMean(String(value), options) ?? `options are: ${options.join(', ')}` }];
    }
    case 'number':
      return typeof value === 'number' ? [] : [{ path, message: `"${question.id}" is a number question: compare with a number` }];
    default:
      return typeof value === 'string' ? [] : [{ path, message: `"${question.id}" holds text: compare with text` }];
  }
}
