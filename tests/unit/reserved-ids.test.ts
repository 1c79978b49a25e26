import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluateCondition } from '../../src/core/conditions/evaluate-condition.js';
import { readStackCsv } from '../../src/core/inventory/stack-csv.js';
import { matrixRows } from '../../src/core/inventory/export-rows.js';
import { findingsByVendor } from '../../src/core/load/findings-by-vendor.js';
import { loadFindings, loadQuestionnaire, loadSettings, loadVendor } from '../../src/core/load/load-files.js';
import { formatProblem } from '../../src/core/problem.js';
import { indexQuestionnaire } from '../../src/core/questionnaire-index.js';
import { SLUG_PATTERN } from '../../src/core/schema/common.js';
import type { Findings } from '../../src/core/schema/findings.js';
import { jsonSchemas } from '../../src/core/schema/json-schemas.js';
import { own, RESERVED_NAMES } from '../../src/core/schema/limits.js';
import type { Questionnaire } from '../../src/core/schema/questionnaire.js';
import { scoreVendor } from '../../src/core/scoring/score-vendor.js';
import { diffFindings } from '../../src/core/tracking/diff-findings.js';
import { checkVendor } from '../../src/core/validate/check-vendor.js';
import { oneSection, vendor } from '../helpers/build.js';

// Ids are looked up in maps (or as own properties only), never through a plain object's
// prototype; and the names a plain object already answers to are refused, as ids and as keys.

const repo = resolve(import.meta.dirname, '..', '..');
const HOSTILE = join(repo, 'tests', 'hostile');
const lines = (loaded: { ok: true } | { ok: false; problems: Parameters<typeof formatProblem>[0][] }) => (loaded.ok ? [] : loaded.problems.map(formatProblem));

function defaultIndex() {
  const loaded = loadQuestionnaire(readFileSync(join(repo, 'questionnaires', 'ai-claims.yaml'), 'utf8'), 'ai-claims.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return indexQuestionnaire(loaded.value);
}

/** A questionnaire whose question ids are names Object.prototype answers to: one no file can hold any more, made as code could make it. */
function prototypeQuestionnaire(): Questionnaire {
  const q = oneSection([
    { id: 'a', text: 'Constructor', type: 'boolean', points: 5 },
    { id: 'b', text: 'To string', type: 'text', points: 3 },
    { id: 'c', text: 'Has own property', type: 'number', unit: 'records', bands: [{ gte: 0, points: 2 }] },
    { id: 'd', text: 'Depends', type: 'boolean', points: 1, when: { question: 'a', answered: true } },
    { id: 'e', text: 'Plain', type: 'boolean', points: 1 },
  ]);
  const ids = ['constructor', 'toString', 'hasOwnProperty', 'd', 'e'];
  const questions = q.sections[0]!.questions!;
  questions.forEach((question, i) => (question.id = ids[i]!));
  (questions[3] as { when: unknown }).when = { question: 'constructor', answered: true };
  return q;
}

describe('lookups by id never reach Object.prototype', () => {
  test('questions "constructor", "toString" and "hasOwnProperty" left unanswered are not asked, not answered', () => {
    const score = scoreVendor(prototypeQuestionnaire(), vendor({ answers: { e: { value: true } } }), { period: '2026-Q4' });
    const state = Object.fromEntries(score.questions.map((q) => [q.id, q.state]));
    expect(state).toEqual({ constructor: 'not-asked', toString: 'not-asked', hasOwnProperty: 'not-asked', d: 'not-asked', e: 'answered' });
    expect(score.questions.find((q) => q.id === 'constructor')!.points).toBe(0);
    expect(score.completeness).toBe(0.2);
  });

  test('answered, they score as any other question', () => {
    const score = scoreVendor(prototypeQuestionnaire(), vendor({ answers: { constructor: { value: true }, e: { value: true } } }), { period: '2026-Q4' });
    expect(score.questions.find((q) => q.id === 'constructor')).toMatchObject({ state: 'answered', points: 5 });
    expect(score.questions.find((q) => q.id === 'toString')!.state).toBe('not-asked');
  });

  test('a condition on a fact that does not exist reads nothing from the prototype', () => {
    const facts = {} as never;
    expect(evaluateCondition({ fact: 'constructor' as never, equals: 0 }, { answers: new Map(), facts })).toBe(true);
    expect(own({ a: 1 }, 'constructor')).toBeUndefined();
    expect(own({ a: 1 }, 'a')).toBe(1);
  });

  const finding = (id: string, questions: Record<string, string>, sections: Record<string, { score: number | null; earned: number; possible: number }> = {}) =>
    ({
      id,
      name: id,
      category: 'crm',
      score: 50,
      verdict: 'weak',
      completeness: 1,
      confidence: 1,
      sections,
      redFlags: [],
      roadmap: [],
      questions,
      digest: '0123456789abcdef',
      source: { file: `vendors/${id}.yaml`, hash: '0123456789abcdef' },
    }) as Findings['vendors'][number];
  const snapshot = (period: string, vendors: Findings['vendors']): Findings => ({
    schema: 'aiclaim/findings@1',
    period,
    questionnaire: { id: 'q', version: '1.0.0', hash: '0123456789abcdef' },
    tool: 'aiclaim',
    vendors,
  });

  test('a diff of snapshots where only the later one has a question "constructor" sees a new question', () => {
    const before = snapshot('2026-Q3', [finding('acme', { e: '1/1 answered' })]);
    const after = snapshot('2026-Q4', [
      finding('acme', { e: '1/1 answered', constructor: '5/5 answered', toString: '3/3 answered' }, { constructor: { score: 100, earned: 5, possible: 5 } }),
    ]);
    const diff = diffFindings(before, after);
    const changes = Object.fromEntries(diff.vendors[0]!.questions.map((q) => [q.id, q.group]));
    expect(changes).toEqual({ e: 'unchanged', constructor: 'new', toString: 'new' });
    expect(diff.vendors[0]!.sections).toEqual([{ id: 'constructor', before: null, after: 100, delta: 100 }]);
  });

  test('the matrix export leaves a question a vendor has no line for empty', () => {
    const rows = matrixRows(snapshot('2026-Q4', [finding('acme', { constructor: '5/5 answered' }), finding('beta', { e: '1/1 answered' })]));
    expect(rows.find((r) => r[1] === 'constructor')!.slice(4)).toEqual([5, '']);
    expect(rows.find((r) => r[1] === 'e')!.slice(4)).toEqual(['', 1]);
  });

  test('a spreadsheet category "constructor" is no category', () => {
    const read = readStackCsv('vendor,category\nAcme,constructor\nBeta,toString\n', 'stack.csv', { currency: 'EUR', dateFormat: 'iso' });
    // Not a martech category (never one found on Object.prototype): kept as `other` with its label.
    expect(read.vendors.map((v) => [v.category, v.categoryLabel])).toEqual([
      ['other', 'constructor'],
      ['other', 'toString'],
    ]);
    expect(read.problems.map((p) => p.message)).toEqual([
      'column "category": "constructor" is not a martech category: imported as category "other", its label kept',
      'column "category": "toString" is not a martech category: imported as category "other", its label kept',
    ]);
    const mapped = readStackCsv('vendor,category\nAcme,constructor\n', 'stack.csv', { currency: 'EUR', dateFormat: 'iso', mapping: { crm: 'crm' } });
    expect(mapped.vendors[0]!.category).toBe('other');
  });
});

describe('reserved names are refused, with a message', () => {
  test('every name Object.prototype has is reserved, and "prototype"', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'prototype'])
      expect(RESERVED_NAMES.has(name), name).toBe(true);
    expect(SLUG_PATTERN.test('constructor')).toBe(false);
    expect(SLUG_PATTERN.test('prototype')).toBe(false);
    expect(SLUG_PATTERN.test('constructors')).toBe(true);
    expect(SLUG_PATTERN.test('my-constructor')).toBe(true);
    expect(JSON.parse(jsonSchemas().vendor).properties.id.pattern).toBe(SLUG_PATTERN.source);
  });

  test('a question id "constructor" in a questionnaire', () => {
    const loaded = loadQuestionnaire(readFileSync(join(HOSTILE, 'reserved-constructor-questionnaire.yaml'), 'utf8'), 'q.yaml');
    expect(lines(loaded)).toEqual([
      'q.yaml:11:13: sections[0].questions[0].id: "constructor" is a reserved name and cannot be an id — aiclaim cannot use it as an id or a key: rename it (ids are lower-case letters, digits and dashes)',
      'q.yaml:19:27: sections[0].questions[1].when.question: "constructor" is a reserved name and cannot be an id — aiclaim cannot use it as an id or a key: rename it (ids are lower-case letters, digits and dashes)',
    ]);
  });

  test.each([['constructor'], ['prototype']])('a vendor id "%s"', (id) => {
    const loaded = loadVendor(`schema: aiclaim/vendor@1\nid: ${id}\nname: X\ncategory: crm\n`, `vendors/${id}.yaml`, defaultIndex());
    expect(lines(loaded)).toEqual([expect.stringMatching(new RegExp(`^vendors/${id}\\.yaml:2:5: id: "${id}" is a reserved name`))]);
  });

  test('answers.__proto__ in a vendor file is a problem, not silence (block and flow style)', () => {
    const index = defaultIndex();
    expect(lines(loadVendor(readFileSync(join(HOSTILE, 'reserved-proto-answers.yaml'), 'utf8'), 'v.yaml', index))).toEqual([
      expect.stringMatching(/^v\.yaml:\d+:\d+: answers\.__proto__: "__proto__" is a reserved name and cannot be a key — /),
    ]);
    const flow = 'schema: aiclaim/vendor@1\nid: x\nname: X\ncategory: crm\nanswers: { __proto__: { value: 1 } }\n';
    expect(lines(loadVendor(flow, 'v.yaml', index))).toEqual([
      'v.yaml:5:12: answers.__proto__: "__proto__" is a reserved name and cannot be a key — aiclaim cannot use it as an id or a key: rename it (ids are lower-case letters, digits and dashes)',
    ]);
  });

  test('answers.constructor and answers.toString in a vendor file', () => {
    const index = defaultIndex();
    expect(lines(loadVendor(readFileSync(join(HOSTILE, 'reserved-constructor-answer.yaml'), 'utf8'), 'v.yaml', index))).toEqual([
      expect.stringMatching(/^v\.yaml:\d+:\d+: answers\.constructor: "constructor" is a reserved name and cannot be a key/),
      expect.stringMatching(/^v\.yaml:\d+:\d+: answers\.toString: "toString" is a reserved name and cannot be a key/),
    ]);
  });

  test('checking answers made in code refuses a reserved key too', () => {
    const issues = checkVendor({ ...vendor(), answers: { constructor: { value: true } } }, defaultIndex());
    expect(issues).toEqual([expect.objectContaining({ path: ['answers', 'constructor'], message: '"constructor" is a reserved name and cannot be a key' })]);
  });

  test('a key __proto__ anywhere: in the settings, in a snapshot', () => {
    expect(lines(loadSettings('schema: aiclaim/settings@1\n__proto__: { questionnaire: x }\n', 'aiclaim.yaml'))).toEqual([
      expect.stringMatching(/^aiclaim\.yaml:2:1: __proto__: "__proto__" is a reserved name/),
    ]);
    const text = readFileSync(join(repo, 'fixtures', 'sample', 'findings', '2026-Q4.yaml'), 'utf8').replace(
      /^ {4}sections:\n/m,
      '    sections:\n      __proto__: { score: 1, earned: 1, possible: 1 }\n',
    );
    expect(findingsByVendor(text)).toBeUndefined();
    expect(lines(loadFindings(text, 'findings/2026-Q4.yaml'))).toEqual([
      expect.stringMatching(/^findings\/2026-Q4\.yaml:\d+:7: vendors\[0\]\.sections\.__proto__: "__proto__" is a reserved name/),
    ]);
  });
});
