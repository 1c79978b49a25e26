import { indexQuestionnaire, type QuestionnaireIndex } from '../questionnaire-index.js';
import { isQuestionTest, operatorOf, NUMERIC_OPERATORS, type Condition, type QuestionTest } from '../schema/condition.js';
import {
  CLAIM_FLAG_IDS,
  NOT_ASSESSED,
  ratesRisk,
  riskBandsOf,
  verdictsOf,
  type Option,
  type Question,
  type Questionnaire,
  type Section,
  type VerdictBand,
} from '../schema/questionnaire.js';
import { quoted } from '../problem.js';
import { MAX_KEY_LENGTH } from '../schema/limits.js';
import { checkCrosswalk } from './check-crosswalk.js';
import { didYouMean } from './did-you-mean.js';
import type { PathIssue } from './path-issue.js';
import { label } from './schema-problems.js';

// What the schema cannot say about a questionnaire: ids are unique, conditions read questions
// that exist and come earlier (so no cycle is possible), values match the question they test,
// and option and question attributes (exclusive, declines, past) sit where they mean something.

type Path = (string | number)[];

export function checkQuestionnaire(questionnaire: Questionnaire): PathIssue[] {
  const issues: PathIssue[] = [];
  const index = indexQuestionnaire(questionnaire);
  issues.push(...checkCrosswalk(questionnaire.crosswalk ?? [], ['crosswalk'], new Set(index.byId.keys())));
  const questionPaths = new Map<string, Path>();

  const visitSections = (sections: Section[], base: Path, seen: Set<string>, parentKey: string) => {
    sections.forEach((section, i) => {
      const path = [...base, i];
      // Findings name a section by its path of ids ("upstream/data"), a key read back with the limit of keys.
      const key = parentKey ? `${parentKey}/${section.id}` : section.id;
      if (key.length > MAX_KEY_LENGTH && parentKey.length <= MAX_KEY_LENGTH)
        issues.push({
          path: [...path, 'id'],
          message: `sections are nested too deeply: the path of ids to this one is ${key.length} characters, more than the ${MAX_KEY_LENGTH} a findings snapshot can hold`,
          hint: 'nest fewer sections, or give them shorter ids',
        });
      if (seen.has(section.id))
        issues.push({ path: [...path, 'id'], message: `section id "${section.id}" is used twice at this level`, hint: 'give each section its own id' });
      if (base.length > 1 && section.rating !== undefined) {
        issues.push({
          path: [...path, 'rating'],
          message: 'only a top-level section says which rating it feeds; its subsections feed the same',
          hint: 'move rating to the top-level section',
        });
      }
      seen.add(section.id);
      section.questions?.forEach((question, j) => {
        const qPath = [...path, 'questions', j];
        if (questionPaths.has(question.id)) {
          issues.push({
            path: [...qPath, 'id'],
            message: `question id "${question.id}" is used twice (first at ${label(questionPaths.get(question.id)!)})`,
            hint: 'question ids must be unique across the questionnaire',
          });
        } else {
          questionPaths.set(question.id, qPath);
        }
        issues.push(...checkQuestion(question, qPath, index));
      });
      if (section.sections) visitSections(section.sections, [...path, 'sections'], new Set(), key);
    });
  };
  visitSections(questionnaire.sections, ['sections'], new Set(), '');

  if (questionnaire.scoring.method === 'points') {
    const weighted = index.sections.find((s) => s.section.weight !== 1);
    if (weighted) {
      issues.push({
        path: ['scoring', 'method'],
        severity: 'warning',
        message: `section weights are ignored when scoring by points (section "${weighted.key}" has weight ${weighted.section.weight})`,
        hint: 'use method: weighted-sections, or remove the weights',
      });
    }
  }
  const { verdicts } = verdictsOf(questionnaire);
  const verdictIds = verdicts.map((v) => v.id);
  if (questionnaire.scoring.verdicts) issues.push(...checkBands(verdicts, ['scoring', 'verdicts'], 'verdicts'));
  issues.push(...checkCaps(questionnaire.scoring.caps, ['scoring', 'caps'], verdictIds, 'verdict'));
  const risk = questionnaire.scoring.risk;
  const riskIds = riskBandsOf(questionnaire).bands.map((b) => b.id);
  if (risk && !ratesRisk(questionnaire)) {
    issues.push({
      path: ['scoring', 'risk'],
      severity: 'warning',
      message: 'scoring.risk is set but no section feeds the risk rating',
      hint: 'add rating: risk to the sections that rate the risk of relying on the vendor',
    });
  }
  if (risk?.bands) issues.push(...checkBands(risk.bands, ['scoring', 'risk', 'bands'], 'risk bands'));
  issues.push(...checkCaps(risk?.caps, ['scoring', 'risk', 'caps'], riskIds, 'risk band'));
  issues.push(...checkAssessment(questionnaire.scoring.assessment, ['scoring', 'assessment'], index));
  issues.push(...checkAssessment(risk?.assessment, ['scoring', 'risk', 'assessment'], index));
  for (const kind of ['contradicted', 'withheld'] as const) {
    const cap = questionnaire.scoring.claims?.[kind]?.cap;
    if (cap && !verdictIds.includes(cap))
      issues.push({
        path: ['scoring', 'claims', kind, 'cap'],
        message: `unknown verdict "${cap}"`,
        hint: didYouMean(cap, verdictIds) ?? `verdicts are: ${verdictIds.join(', ')}`,
      });
  }

  const flagIds = new Set<string>();
  const reserved = Object.values(CLAIM_FLAG_IDS);
  questionnaire.redFlags?.forEach((flag, i) => {
    const path = ['redFlags', i];
    if (flagIds.has(flag.id)) issues.push({ path: [...path, 'id'], message: `red flag id "${flag.id}" is used twice` });
    if (reserved.includes(flag.id))
      issues.push({
        path: [...path, 'id'],
        message: `"${flag.id}" is the flag aiclaim raises when it tests claims`,
        hint: 'give this flag another id; set the severity of claim flags under scoring.claims',
      });
    flagIds.add(flag.id);
    const bands = flag.rating === 'risk' ? riskIds : verdictIds;
    if (flag.cap && !bands.includes(flag.cap)) {
      const what = flag.rating === 'risk' ? 'risk band' : 'verdict';
      issues.push({
        path: [...path, 'cap'],
        message: `unknown ${what} "${flag.cap}" (this flag rates ${flag.rating})`,
        hint: didYouMean(flag.cap, bands) ?? `${what}s are: ${bands.join(', ')}`,
      });
    }
    if (flag.rating === 'risk' && !ratesRisk(questionnaire)) {
      issues.push({
        path: [...path, 'rating'],
        message: 'this flag rates risk, but no section feeds the risk rating',
        hint: 'add rating: risk to a top-level section, or remove rating from the flag',
      });
    }
    issues.push(...checkCondition(flag.when, [...path, 'when'], index, undefined));
    issues.push(...checkMaps(flag.maps, path, questionnaire));
  });
  return issues;
}

function checkBands(bands: readonly VerdictBand[], path: Path, what: string): PathIssue[] {
  const issues: PathIssue[] = [];
  const mins = bands.map((v) => v.min);
  if (mins.some((m, i) => i > 0 && m >= mins[i - 1]!)) issues.push({ path, message: `${what} must be listed from the highest minimum score to the lowest` });
  if (mins[mins.length - 1] !== 0) issues.push({ path, message: `the last of the ${what} must have min: 0 so that every score has one` });
  bands.forEach((band, i) => {
    if (band.id === NOT_ASSESSED.id)
      issues.push({
        path: [...path, i, 'id'],
        message: `"${NOT_ASSESSED.id}" is what aiclaim says when too little is known for a rating`,
        hint: 'give this band another id',
      });
  });
  return issues;
}

function checkCaps(caps: Partial<Record<string, string>> | undefined, path: Path, ids: readonly string[], what: string): PathIssue[] {
  return Object.entries(caps ?? {}).flatMap(([severity, cap]) =>
    cap === undefined || ids.includes(cap)
      ? []
      : [
          {
            path: [...path, severity],
            message: `caps.${severity}: unknown ${what} "${cap}"`,
            hint: didYouMean(cap, [...ids]) ?? `${what}s are: ${ids.join(', ')}`,
          },
        ],
  );
}

/** Decisive questions must exist and be answerable; the minimum cannot exceed how many there are. */
function checkAssessment(assessment: { decisive: string[]; minimum?: number | undefined } | undefined, path: Path, index: QuestionnaireIndex): PathIssue[] {
  if (!assessment) return [];
  const issues: PathIssue[] = [];
  assessment.decisive.forEach((id, i) => {
    const entry = index.byId.get(id);
    if (!entry) issues.push({ path: [...path, 'decisive', i], message: `no question "${id}"`, hint: didYouMean(id, [...index.byId.keys()]) });
    else if (entry.question.type === 'track-record')
      issues.push({ path: [...path, 'decisive', i], message: `"${id}" is computed, never answered: it cannot decide whether a rating can be given` });
  });
  if (new Set(assessment.decisive).size < assessment.decisive.length)
    issues.push({ path: [...path, 'decisive'], message: 'a decisive question is listed twice' });
  if (assessment.minimum !== undefined && assessment.minimum > assessment.decisive.length) {
    issues.push({
      path: [...path, 'minimum'],
      message: `minimum ${assessment.minimum} is more than the ${assessment.decisive.length} decisive questions listed`,
    });
  }
  return issues;
}

function checkQuestion(question: Question, path: Path, index: QuestionnaireIndex): PathIssue[] {
  const issues: PathIssue[] = [];
  if (question.type === 'text' && (question.points ?? 0) > 0 && question.evidence === 'none') {
    issues.push({
      path: [...path, 'evidence'],
      message: 'a text answer earns its points only with evidence, so with evidence: none it can never earn them',
      hint: 'set evidence: optional, or remove the points',
    });
  }
  const own = index.byId.get(question.id)!;
  if (question.when) issues.push(...checkCondition(question.when, [...path, 'when'], index, own.order));
  issues.push(...checkMaps(question.maps, path, index.questionnaire));
  if (question.type === 'choice' || question.type === 'multi') {
    const values = new Set<string>();
    question.options.forEach((option, i) => {
      if (values.has(option.value)) issues.push({ path: [...path, 'options', i, 'value'], message: `option "${option.value}" is listed twice` });
      values.add(option.value);
    });
    issues.push(...checkOptionAttributes(question.options, [...path, 'options'], `a ${question.type} question`, question.type));
    const declining = question.options.findIndex((o) => o.declines);
    if (declining >= 0 && own.askedOf === 'team') {
      issues.push({
        path: [...path, 'options', declining, 'declines'],
        message: `declines marks the vendor declining to say, but "${question.id}" is in a section your own team answers (askedOf: team)`,
        hint: 'remove declines, or move the question to a section the vendor answers',
      });
    }
  }
  if (question.type === 'list') {
    question.fields?.forEach((field, i) => {
      if (field.options) issues.push(...checkOptionAttributes(field.options, [...path, 'fields', i, 'options'], 'a list field', 'field'));
    });
  }
  if (question.past && question.type !== 'date' && question.type !== 'quarter') {
    issues.push({
      path: [...path, 'past'],
      message: `past says a date or quarter has already come, but "${question.id}" is a ${question.type} question`,
      hint: 'remove past, or make it a date or quarter question',
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
    if (index.byId.has(old))
      issues.push({
        path: [...path, 'replaces'],
        message: `replaces "${old}", which is still a question here`,
        hint: 'a question can only replace an id the questionnaire no longer has',
      });
  }
  return issues;
}

/**
 * exclusive stands an option alone among boxes ticked, so only multi questions have it; declines
 * replaces the interview's own "will not say" in a list of one pick, so only choice questions have
 * it, once.
 */
function checkOptionAttributes(options: readonly Option[], path: Path, what: string, kind: 'choice' | 'multi' | 'field'): PathIssue[] {
  const issues: PathIssue[] = [];
  let declining: string | undefined;
  options.forEach((option, i) => {
    if (option.exclusive && kind !== 'multi') {
      issues.push({
        path: [...path, i, 'exclusive'],
        message: `exclusive says an option cannot be ticked with others, but this is an option of ${what}, where only one is picked`,
        hint: 'remove exclusive; it is for options of multi questions, such as "None"',
      });
    }
    if (!option.declines) return;
    if (kind !== 'choice') {
      issues.push({
        path: [...path, i, 'declines'],
        message: `declines marks the option by which the vendor will not say, which only a choice question can have, not ${what}`,
        hint: kind === 'multi' ? 'remove declines: the interview offers its own "the vendor will not say"' : 'remove declines',
      });
    } else if (declining !== undefined) {
      issues.push({
        path: [...path, i, 'declines'],
        message: `option "${declining}" already declines: a question has one way for the vendor not to say`,
        hint: 'keep declines on one option',
      });
    } else {
      declining = option.value;
    }
  });
  return issues;
}

function checkMaps(maps: { framework: string }[] | undefined, path: Path, questionnaire: Questionnaire): PathIssue[] {
  const declared = Object.keys(questionnaire.frameworks ?? {});
  if (!maps || declared.length === 0) return [];
  return maps.flatMap((map, i) =>
    declared.includes(map.framework)
      ? []
      : [
          {
            path: [...path, 'maps', i, 'framework'],
            message: `unknown framework "${map.framework}"`,
            hint: didYouMean(map.framework, declared) ?? `declare it under frameworks: (known: ${declared.join(', ')})`,
          },
        ],
  );
}

/** `order` is the position of the question that owns the condition; red flags may read any question. */
function checkCondition(condition: Condition, path: Path, index: QuestionnaireIndex, order: number | undefined): PathIssue[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => checkCondition(c, [...path, 'all', i], index, order));
  if ('any' in condition) return condition.any.flatMap((c, i) => checkCondition(c, [...path, 'any', i], index, order));
  if ('not' in condition) return checkCondition(condition.not, [...path, 'not'], index, order);
  if (!isQuestionTest(condition)) return [];
  return checkQuestionTest(condition, path, index, order);
}

function checkQuestionTest(test: QuestionTest, path: Path, index: QuestionnaireIndex, order: number | undefined): PathIssue[] {
  const target = index.byId.get(test.question);
  if (!target) {
    return [
      {
        path: [...path, 'question'],
        message: `condition refers to question "${test.question}", which does not exist`,
        hint: didYouMean(test.question, [...index.byId.keys()]),
      },
    ];
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
  const values =
    op === 'equals' || op === 'notEquals' ? [test[op]] : op === 'in' || op === 'notIn' ? (test[op] ?? []) : op === 'includes' ? [test.includes] : [];
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
        : [
            {
              path,
              message: `${quoted(String(value))} is not an option of "${question.id}"`,
              hint: didYouMean(String(value), options) ?? `options are: ${options.join(', ')}`,
            },
          ];
    }
    case 'number':
      return typeof value === 'number' ? [] : [{ path, message: `"${question.id}" is a number question: compare with a number` }];
    default:
      return typeof value === 'string' ? [] : [{ path, message: `"${question.id}" holds text: compare with text` }];
  }
}
