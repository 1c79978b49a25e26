import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readStackCsv } from '../../src/core/inventory/stack-csv.js';
import { loadFindings, loadQuestionnaire, loadSettings, loadVendor } from '../../src/core/load/load-files.js';
import { excerpt, formatProblem, quoted } from '../../src/core/problem.js';
import { indexQuestionnaire, type QuestionnaireIndex } from '../../src/core/questionnaire-index.js';
import { jsonSchemas } from '../../src/core/schema/json-schemas.js';
import {
  EXCERPT_LENGTH,
  MAX_AMOUNT,
  MAX_CELL_LENGTH,
  MAX_IMPORT_ROWS,
  MAX_KEY_LENGTH,
  MAX_LONG_TEXT_LENGTH,
  MAX_NAME_LENGTH,
  MAX_REFERENCE_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_WEIGHT,
} from '../../src/core/schema/limits.js';
import { closest, didYouMean } from '../../src/core/validate/did-you-mean.js';
import { oneSection } from '../helpers/build.js';

// Every string field has a length limit, every amount a ceiling, and whatever a message echoes of
// the input is a short excerpt: a 4 MiB value is refused in milliseconds, in one short line.

const repo = resolve(import.meta.dirname, '..', '..');
const autoflow = readFileSync(join(repo, 'fixtures', 'sample', 'vendors', 'autoflow.yaml'), 'utf8');
const sampleFindings = readFileSync(join(repo, 'fixtures', 'sample', 'findings', '2026-Q4.yaml'), 'utf8');
const MiB = 1024 * 1024;

function defaultIndex(): QuestionnaireIndex {
  const loaded = loadQuestionnaire(readFileSync(join(repo, 'questionnaires', 'ai-claims.yaml'), 'utf8'), 'ai-claims.yaml');
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return indexQuestionnaire(loaded.value);
}
const index = defaultIndex();

/** The problem lines of loading `text` as a vendor file, and how long it took. */
function vendorLines(text: string): { lines: string[]; ms: number } {
  const start = performance.now();
  const loaded = loadVendor(text, 'vendors/x.yaml', index);
  const ms = performance.now() - start;
  return { lines: loaded.ok ? [] : loaded.problems.map(formatProblem), ms };
}

/** The sample vendor with one line replaced (the first line matching `pattern`). */
const withLine = (pattern: RegExp, line: string) => {
  expect(autoflow).toMatch(pattern);
  return autoflow.replace(pattern, line);
};
/** The sample vendor with one answer added (a question it does not answer yet). */
const withAnswer = (answer: string) => autoflow.replace(/^answers:\n/m, `answers:\n  outcome-claims: ${answer}\n`);

describe('echoed input is a short excerpt', () => {
  test('short text is kept whole; long text is cut to its first characters, with its length', () => {
    expect(excerpt('analytics')).toBe('analytics');
    expect(excerpt('x'.repeat(EXCERPT_LENGTH))).toBe('x'.repeat(EXCERPT_LENGTH));
    expect(excerpt('x'.repeat(5_138_022))).toBe(`${'x'.repeat(EXCERPT_LENGTH)}… (5,138,022 characters)`);
    expect(quoted('a "b"')).toBe('"a \\"b\\""');
    expect(quoted('y'.repeat(100))).toBe(`"${'y'.repeat(EXCERPT_LENGTH)}…" (100 characters)`);
  });

  test('a cut never splits a character outside the basic plane in two', () => {
    const text = `${'a'.repeat(EXCERPT_LENGTH - 1)}${'😀'.repeat(10)}`;
    const cut = excerpt(text);
    expect(cut.startsWith(`${'a'.repeat(EXCERPT_LENGTH - 1)}…`)).toBe(true);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  test('did-you-mean never compares words whose lengths alone rule them out', () => {
    const huge = 'x'.repeat(4 * MiB);
    const start = performance.now();
    expect(closest(huge, ['analytics', 'crm', 'emailing'])).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(1000);
    // Near misses are still caught.
    expect(didYouMean('emialing', ['analytics', 'crm', 'emailing'])).toBe('did you mean "emailing"?');
    expect(closest('training-record', ['trains-models', 'training-records'])).toBe('training-records');
  });
});

describe('a 4 MiB string is refused at once, in one short line naming the field', () => {
  test('a 4.9 MiB vendor name', () => {
    const { lines, ms } = vendorLines(withLine(/^name: .*$/m, `name: ${'A'.repeat(Math.floor(4.9 * MiB))}`));
    expect(lines).toEqual([
      `vendors/x.yaml:4:7: name: is 5,138,022 characters long; the limit is ${MAX_NAME_LENGTH} — shorten it to ${MAX_NAME_LENGTH} characters at most: this is a name, a title or an id`,
    ]);
    expect(ms).toBeLessThan(3000);
  });

  test('a 4 MiB category that is no category: no did-you-mean over 4 MiB, no echo of it', () => {
    const { lines, ms } = vendorLines(withLine(/^category: .*$/m, `category: ${'x'.repeat(4 * MiB)}`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^vendors\/x\.yaml:6:11: category: must be one of the martech categories: /);
    expect(lines[0]!.length).toBeLessThan(400);
    expect(lines[0]).not.toMatch(/xxxxxxxxxx/);
    // Today's code took 4.3 s per file; the bound only says it did not run the distance over 4 MiB.
    expect(ms).toBeLessThan(3000);
  });

  test('a 4 MiB unknown key (an explicit YAML key) is cut in the message', () => {
    const { lines, ms } = vendorLines(`${autoflow}? ${'k'.repeat(4 * MiB)}\n: 1\n`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/this key is 4,194,304 characters long; the limit is 1,000/);
    expect(lines[0]!.length).toBeLessThan(400);
    expect(ms).toBeLessThan(3000);
  });

  test('an unknown key just under the key limit is named by an excerpt, with no did-you-mean over it', () => {
    const key = `z${'k'.repeat(MAX_KEY_LENGTH - 1)}`;
    const { lines } = vendorLines(`${autoflow}? ${key}\n: 1\n`);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`: z${'k'.repeat(EXCERPT_LENGTH - 1)}… \\(1,000 characters\\): unknown key — expected one of: `))]);
    expect(lines[0]!.length).toBeLessThan(400);
  });

  test('an answer to a question that does not exist, with a 900-character id: the id is cut', () => {
    const id = 'q'.repeat(900);
    const { lines } = vendorLines(autoflow.replace(/^answers:\n/m, `answers:\n  ${id}: { value: 1 }\n`));
    expect(lines).toEqual([
      `vendors/x.yaml:58:3: no question "${'q'.repeat(EXCERPT_LENGTH)}…" (900 characters) in questionnaire ai-claims — run \`aiclaim questionnaire show\` for the question ids`,
    ]);
  });

  test('a wrong value is described by an excerpt, with its length', () => {
    const { lines } = vendorLines(withAnswer(`{ value: ${'v'.repeat(9000)} }`));
    expect(lines).toEqual([expect.stringMatching(new RegExp(`: "outcome-claims" takes one of .*, not the text "${'v'.repeat(40)}…" \\(9,000 characters\\)$`))]);
    expect(lines[0]!.length).toBeLessThan(400);
  });
});

describe('every string field of a vendor file has a limit', () => {
  const over = (limit: number) => 'x'.repeat(limit + 1);
  const cases: [string, number, string, RegExp][] = [
    ['name', MAX_NAME_LENGTH, 'name', /^name: .*$/m],
    ['product', MAX_NAME_LENGTH, 'product', /^product: .*$/m],
    ['owner', MAX_NAME_LENGTH, 'owner', /^owner: .*$/m],
    ['website', MAX_REFERENCE_LENGTH, 'website', /^website: .*$/m],
    ['interviewer', MAX_NAME_LENGTH, 'interview.interviewer', /^ {2}interviewer: .*$/m],
    ['claim text', MAX_TEXT_LENGTH, 'claims[0].text', /^ {2}- text: .*$/m],
    ['claim source', MAX_REFERENCE_LENGTH, 'claims[0].source', /^ {4}source: .*$/m],
    ['roadmap title', MAX_NAME_LENGTH, 'roadmap[0].title', /^ {4}title: .*$/m],
  ];
  test.each(cases)('%s', (_, limit, path, pattern) => {
    const key = /^(\s*(?:- )?\w+):/m.exec(autoflow.match(pattern)![0])![1]!;
    expect(vendorLines(withLine(pattern, `${key}: ${'x'.repeat(limit)}`)).lines).toEqual([]);
    const { lines } = vendorLines(withLine(pattern, `${key}: ${over(limit)}`));
    expect(lines).toEqual([
      expect.stringContaining(`${path}: is ${(limit + 1).toLocaleString('en-US')} characters long; the limit is ${limit.toLocaleString('en-US')} — shorten it`),
    ]);
  });

  const answers: [string, string, string][] = [
    ['a decline reason', `{ declined: ${over(MAX_TEXT_LENGTH)} }`, 'answers.outcome-claims.declined'],
    ['a justification of not applicable', `{ notApplicable: ${over(MAX_TEXT_LENGTH)} }`, 'answers.outcome-claims.notApplicable'],
    ['a note', `{ value: true, note: ${over(MAX_LONG_TEXT_LENGTH)} }`, 'answers.outcome-claims.note'],
    ['evidence', `{ value: true, evidence: ${over(MAX_REFERENCE_LENGTH)} }`, 'answers.outcome-claims.evidence'],
    ['an evidence note', `{ value: true, evidence: { ref: doc, note: ${over(MAX_LONG_TEXT_LENGTH)} } }`, 'answers.outcome-claims.evidence.note'],
    ['a text value', `{ value: ${over(MAX_LONG_TEXT_LENGTH)} }`, 'answers.outcome-claims.value'],
  ];
  test.each(answers)('%s', (_, answer, path) => {
    const { lines } = vendorLines(withAnswer(answer));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${path}: is `);
    expect(lines[0]).toMatch(/characters long; the limit is [\d,]+ — shorten it/);
  });

  test('a text answer inside a list item', () => {
    const lists = indexQuestionnaire(
      oneSection([{ id: 'customers', text: 'Reference customers', type: 'list', fields: [{ id: 'sector', text: 'Sector', type: 'text' }] }]),
    );
    const text = `schema: aiclaim/vendor@1\nid: x\nname: X\ncategory: crm\nanswers:\n  customers:\n    value:\n      - { sector: ${'s'.repeat(MAX_LONG_TEXT_LENGTH + 1)} }\n`;
    const loaded = loadVendor(text, 'vendors/x.yaml', lists);
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([
      'vendors/x.yaml:8:19: "sector" takes text of at most 10,000 characters, not 10,001 — shorten it, and keep the full text in a document the answer refers to as evidence',
    ]);
  });
});

describe('amounts are capped, and finite', () => {
  test('a spend of 1.7e308 is refused; 10^12 is the most', () => {
    expect(vendorLines(withLine(/^ {2}amount: .*$/m, '  amount: 1.7e308')).lines).toEqual([
      'vendors/x.yaml:10:11: spend.amount: must be at most 1,000,000,000,000 (10^12): write the annual spend in units of the currency, e.g. 48000',
    ]);
    expect(vendorLines(withLine(/^ {2}amount: .*$/m, `  amount: ${MAX_AMOUNT}`)).lines).toEqual([]);
  });

  test('a spend of .inf is refused as not finite', () => {
    expect(vendorLines(withLine(/^ {2}amount: .*$/m, '  amount: .inf')).lines).toEqual([
      'vendors/x.yaml:10:11: spend.amount: must be a finite number, not Infinity',
    ]);
  });

  test('a snapshot read back with a spend of 1.7e308 is refused', () => {
    expect(sampleFindings).toMatch(/spend: \{ amount: \d+,/);
    const loaded = loadFindings(sampleFindings.replace(/spend: \{ amount: \d+,/, 'spend: { amount: 1.7e308,'), 'findings/2026-Q4.yaml');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map(formatProblem)[0]).toMatch(/vendors\[\d+\]\.spend\.amount: must be at most 1,000,000,000,000/);
  });

  test('section weights are capped, so that their sum stays finite', () => {
    const text = `schema: aiclaim/questionnaire@1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - { id: s, title: S, weight: 1e308, questions: [{ id: a, text: A, type: boolean }] }\n`;
    const loaded = loadQuestionnaire(text, 'q.yaml');
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([`q.yaml:6:32: sections[0].weight: must be at most ${MAX_WEIGHT}`]);
  });
});

describe('questionnaires, snapshots and settings have limits too', () => {
  test('a question text of 4 MiB', () => {
    const text = `schema: aiclaim/questionnaire@1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: a\n        type: boolean\n        text: ${'t'.repeat(4 * MiB)}\n`;
    const loaded = loadQuestionnaire(text, 'q.yaml');
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^q\.yaml:11:15: sections\[0\]\.questions\[0\]\.text: is 4,194,304 characters long; the limit is 2,000 — /),
    ]);
  });

  test('a version of 4 MiB of digits', () => {
    const text = `schema: aiclaim/questionnaire@1\nid: t\nversion: 1.0.${'9'.repeat(4 * MiB)}\ntitle: T\nsections:\n  - { id: s, title: S, questions: [{ id: a, text: A, type: boolean }] }\n`;
    const loaded = loadQuestionnaire(text, 'q.yaml');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) for (const line of loaded.problems.map(formatProblem)) expect(line.length).toBeLessThan(400);
  });

  test('sections nested so deep that their path could not be a key of a snapshot', () => {
    let nested = '{ id: leaf, title: L, questions: [{ id: a, text: A, type: boolean }] }';
    for (let i = 0; i < 17; i++) nested = `{ id: ${String(i).padStart(2, '0')}${'s'.repeat(60)}, title: S, sections: [${nested}] }`;
    const loaded = loadQuestionnaire(`schema: aiclaim/questionnaire@1\nid: t\nversion: 1.0.0\ntitle: T\nsections:\n  - ${nested}\n`, 'q.yaml');
    expect(loaded.ok ? [] : loaded.problems.map((p) => p.message)).toEqual([
      `sections are nested too deeply: the path of ids to this one is 1007 characters, more than the ${MAX_KEY_LENGTH} a findings snapshot can hold`,
    ]);
  });

  test('a record key that is not an id says so of the key', () => {
    const text = `schema: aiclaim/questionnaire@1\nid: t\nversion: 1.0.0\ntitle: T\nframeworks:\n  Not A Slug: Framework\nsections:\n  - { id: s, title: S, questions: [{ id: a, text: A, type: boolean }] }\n`;
    const loaded = loadQuestionnaire(text, 'q.yaml');
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([
      'q.yaml:6:3: frameworks.Not A Slug: this key must be a slug: lower-case letters, digits and dashes, starting with a letter or digit, at most 64 characters',
    ]);
  });

  test('a vendor name of 4 MiB in a snapshot read back', () => {
    expect(sampleFindings).toMatch(/^ {4}name: .*$/m);
    const loaded = loadFindings(sampleFindings.replace(/^ {4}name: .*$/m, `    name: ${'N'.repeat(4 * MiB)}`), 'findings/2026-Q4.yaml');
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^findings\/2026-Q4\.yaml:\d+:11: vendors\[0\]\.name: is 4,194,304 characters long; the limit is 200 — /),
    ]);
  });

  test('a questionnaire path of 4 MiB in the settings', () => {
    const loaded = loadSettings(`schema: aiclaim/settings@1\nquestionnaire: ${'p'.repeat(4 * MiB)}\n`, 'aiclaim.yaml');
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^aiclaim\.yaml:2:16: questionnaire: is 4,194,304 characters long; the limit is 4,096 — /),
    ]);
  });

  test('the JSON Schemas carry the same limits for editors', () => {
    const vendor = JSON.parse(jsonSchemas().vendor) as {
      properties: Record<string, { maxLength?: number; properties?: Record<string, { maximum?: number }> }>;
    };
    expect(vendor.properties.name!.maxLength).toBe(MAX_NAME_LENGTH);
    expect(vendor.properties.website!.maxLength).toBe(MAX_REFERENCE_LENGTH);
    expect(vendor.properties.spend!.properties!.amount!.maximum).toBe(MAX_AMOUNT);
    const findings = jsonSchemas().findings;
    expect(findings).toContain(`"maxLength": ${MAX_NAME_LENGTH}`);
  });
});

describe('stack spreadsheets have limits', () => {
  const options = { currency: 'EUR', dateFormat: 'iso' as const };
  const rows = (n: number) => `vendor,category\n${Array.from({ length: n }, (_, i) => `V${i},crm`).join('\n')}\n`;

  test(`${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows are read; one more, and the whole spreadsheet is refused in one line`, () => {
    expect(readStackCsv(rows(MAX_IMPORT_ROWS), 'stack.csv', options).vendors).toHaveLength(MAX_IMPORT_ROWS);
    const refused = readStackCsv(rows(MAX_IMPORT_ROWS + 1), 'stack.csv', options);
    expect(refused.refused).toBe(true);
    expect(refused.vendors).toEqual([]);
    expect(refused.problems.map(formatProblem)).toEqual([
      'stack.csv:10002:1: more than 10,000 vendor rows: nothing was imported — split the spreadsheet into files of at most 10,000 rows and import them one at a time',
    ]);
  });

  test('a million rows are refused without parsing them all', () => {
    const start = performance.now();
    const refused = readStackCsv(rows(1_000_001), 'stack.csv', options);
    expect(refused.refused).toBe(true);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  test('a cell longer than the vendor file field it fills refuses the spreadsheet, naming row and column', () => {
    const refused = readStackCsv(`vendor,category\nAcme,crm\n${'N'.repeat(MAX_NAME_LENGTH + 1)},crm\n`, 'stack.csv', options);
    expect(refused.refused).toBe(true);
    expect(refused.problems.map(formatProblem)).toEqual([
      `stack.csv:3:1: column "vendor": the cell is ${MAX_NAME_LENGTH + 1} characters long; the limit is ${MAX_NAME_LENGTH}: nothing was imported — shorten the cell in the spreadsheet and export it again (a vendor file cannot hold more)`,
    ]);
  });

  test('any cell, used or not, is bounded', () => {
    const refused = readStackCsv(`vendor,category,comments\nAcme,crm,${'c'.repeat(MAX_CELL_LENGTH + 1)}\n`, 'stack.csv', options);
    expect(refused.refused).toBe(true);
    expect(refused.problems[0]!.message).toMatch(/^column "comments": the cell is 10,001 characters long; the limit is 10,000/);
  });

  test('a spend above 10^12 is not an amount aiclaim records', () => {
    const read = readStackCsv('vendor,category,spend\nAcme,crm,1.7e308\n', 'stack.csv', options);
    expect(read.vendors).toEqual([]);
    expect(read.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^stack\.csv:2:3: column "spend": "1\.7e308" is more than 1,000,000,000,000, the largest annual spend aiclaim records/),
    ]);
  });

  test('echoed cells are excerpts', () => {
    const read = readStackCsv(`vendor,category\nAcme,${'q'.repeat(5000)}\n`, 'stack.csv', options);
    expect(read.problems).toHaveLength(1);
    expect(formatProblem(read.problems[0]!).length).toBeLessThan(1000);
    expect(read.problems[0]!.message).toBe(`column "category": "${'q'.repeat(EXCERPT_LENGTH)}…" (5,000 characters) is not a martech category`);
  });
});
