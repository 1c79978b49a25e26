import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { answerSheet, sheetQuestions } from '../../src/core/answer-sheet/answer-sheet.js';
import { applyListAnswers } from '../../src/core/answer-sheet/list-answers.js';
import { mergeSheetAnswers } from '../../src/core/answer-sheet/merge-answers.js';
import { readAnswerSheet } from '../../src/core/answer-sheet/read-answer-sheet.js';
import { loadQuestionnaire, loadVendor } from '../../src/core/load/load-files.js';
import { indexQuestionnaire } from '../../src/core/questionnaire-index.js';
import type { Questionnaire } from '../../src/core/schema/questionnaire.js';
import { riskBandsOf, verdictsOf } from '../../src/core/schema/questionnaire.js';
import { answerSheetCsv } from '../../src/render/answer-sheet-csv.js';
import { questionnaireForVendor, questionnaireForVendorMarkdown } from '../../src/render/questionnaire-vendor.js';
import { questionnaire as makeQuestionnaire } from '../helpers/build.js';

const ROOT = join(import.meta.dirname, '..', '..');
const plain = new Proxy({}, { get: () => (s: string) => s }) as never;
const TODAY = '2026-11-22';

function bundled(file: string): Questionnaire {
  const loaded = loadQuestionnaire(readFileSync(join(ROOT, 'questionnaires', file), 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.value;
}
const files = readdirSync(join(ROOT, 'questionnaires')).filter((f) => f.endsWith('.yaml'));
const aiClaims = bundled('ai-claims.yaml');
const index = indexQuestionnaire(aiClaims);
const datavane = (() => {
  const loaded = loadVendor(readFileSync(join(ROOT, 'fixtures', 'sample', 'vendors', 'datavane.yaml'), 'utf8'), 'datavane.yaml', index, 'datavane');
  if (!loaded.ok) throw new Error('datavane does not load');
  return loaded.value;
})();

/** Every word and figure of how a questionnaire scores that a vendor must not read. */
function scoringLeaks(questionnaire: Questionnaire, text: string): string[] {
  const words = [
    /\bpoints?\b(?<!data points)/i,
    /(?<!-)\bweight(s|ed)?\b/i,
    /\bbands?\b/i,
    /\bcapped\b/i,
    /red flag/i,
    /\bverdicts?\b/i,
    /\bdecisive\b/i,
    /\bmaps:/i,
    /up to \d/i,
    /≥/,
  ];
  const leaks = words.filter((w) => w.test(text)).map(String);
  const labels = [...verdictsOf(questionnaire).verdicts, ...riskBandsOf(questionnaire).bands].map((v) => v.label);
  for (const label of labels) if (text.includes(label)) leaks.push(label);
  for (const [id, name] of Object.entries(questionnaire.frameworks ?? {})) if (text.includes(name) || text.includes(`${id} `)) leaks.push(name);
  for (const q of indexQuestionnaire(questionnaire).questions) for (const m of q.question.maps ?? []) if (text.includes(m.ref)) leaks.push(m.ref);
  for (const flag of questionnaire.redFlags ?? []) if (text.includes(flag.title)) leaks.push(flag.title);
  return leaks;
}

describe('questionnaire show --for-vendor', () => {
  test.each(files)('%s: neither the text nor the markdown says how answers score', (file) => {
    const q = bundled(file);
    for (const text of [questionnaireForVendor(q, plain), questionnaireForVendorMarkdown(q), answerSheetCsv(answerSheet(q))])
      expect(scoringLeaks(q, text)).toEqual([]);
  });

  test('labels, help, conditions in words, evidence and the id to quote', () => {
    const text = questionnaireForVendor(aiClaims, plain).replace(/\s+/g, ' ');
    expect(text).toContain('At run time, what produces the output of the feature marketed as AI?');
    expect(text).toContain('A trained model, with rules or people on top');
    expect(text).toContain('Question id: training-records');
    expect(text).toContain('Answer: A number, in records');
    expect(text).toMatch(/Answer only if you answered Yes to 'Does the vendor train or fine-tune models/);
    expect(text).toContain('Evidence asked: a document or a web address');
    expect(text).not.toContain('in-house, fine-tuned'); // option values are not shown, labels are
    // The value section is the team's own: not sent to the vendor.
    expect(text).not.toContain('What does the product cost');
  });

  test('markdown from the questionnaire is inert', () => {
    const q = makeQuestionnaire({
      sections: [
        {
          id: 's',
          title: '<script>x</script>',
          help: '[link](javascript:alert(1))',
          questions: [{ id: 'a', text: '**bold** <img src=x>', type: 'boolean', help: '# heading' }],
        },
      ],
    });
    const md = questionnaireForVendorMarkdown(q);
    expect(md).not.toMatch(/(?<!\\)<script>/);
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).not.toMatch(/(?<!\\)\]\(javascript/);
    expect(md).toContain('\\*\\*bold\\*\\*');
  });
});

describe('the answer sheet model', () => {
  const book = answerSheet(aiClaims, datavane);
  const sheet = (name: string) => book.sheets.find((s) => s.name === name)!;

  test('sheets, meta and one Answers row per question the vendor answers', () => {
    expect(book.sheets.map((s) => s.name)).toEqual(['Instructions', 'Answers', 'Claims', 'Roadmap', 'About']);
    expect(book.meta).toMatchObject({ questionnaire: 'ai-claims', version: '2.0.0', vendor: 'datavane' });
    expect(book.meta.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(sheet('Answers').rows.map((r) => r.question)).toEqual(sheetQuestions(aiClaims).map((q) => q.question.id));
    // A track record is computed, never asked; the claims and roadmap rows say whether there is anything to list.
    expect(sheet('Answers').rows.some((r) => r.question === 'roadmap-track-record')).toBe(false);
    const claims = sheet('Answers').rows.find((r) => r.question === 'ai-claims')!;
    expect(claims.allowed).toEqual(['Listed on the Claims sheet', 'None']);
    expect(claims.cells).toMatchObject({ question: 'Which public AI claims do you make?', answer: 'Listed on the Claims sheet' });
    expect(String(claims.cells.help)).not.toMatch(/asserts|finding/);
  });

  test('prefilled with labels, evidence and notes; allowed labels for dropdowns', () => {
    const row = (id: string) => sheet('Answers').rows.find((r) => r.question === id)!;
    expect(row('ai-runtime').cells).toMatchObject({
      answer: 'A trained model, on every request',
      evidence: 'docs/datavane/architecture-deck-2026.pdf',
      evidenceDate: '2026-05-14',
    });
    expect(row('trains-models').cells.answer).toBe('Yes');
    expect(row('trains-models').allowed).toEqual(['Yes', 'No']);
    expect(row('data-provenance').multiple).toBe(true);
    expect(row('training-records').cells.answer).toBe(25000000);
    expect(row('headline-metric').cells.answer).toMatch(/^declined: will not say/);
    expect(row('claims-corrected').cells.answer).toMatch(/^n\/a: /);
    expect(row('model-origin').cells.onlyIf).toMatch(/^Answer only if you answered one of 'A trained model, on every request'/);
    expect(sheet('Claims').rows[0]!.cells.asserts).toMatch(/is at least 94/);
    expect(sheet('Roadmap').rows.map((r) => r.cells.status)).toEqual(['delivered in 2026-Q3', 'planned']);
  });

  test('without a vendor, nothing is prefilled', () => {
    expect(answerSheet(aiClaims).sheets[1]!.rows.every((r) => r.cells.answer === undefined)).toBe(true);
  });
});

/** The exported sheet for datavane, with some answer cells replaced (by question id and column header). */
function edited(changes: Record<string, Record<string, string>>, questionnaire = aiClaims, extraRows: string[] = []): string {
  const lines = answerSheetCsv(answerSheet(questionnaire, datavane)).split('\r\n');
  const header = lines[1]!.split(',');
  const out = lines.map((line, i) => {
    const id = line.split(',')[0]!;
    if (i < 2 || !changes[id]) return line;
    // A fresh row for the question, with only the cells the test sets.
    return header.map((h) => JSON.stringify(h === 'Question id' ? id : (changes[id]![h] ?? ''))).join(',');
  });
  return [...out.filter(Boolean), ...extraRows].join('\r\n');
}

const read = (text: string, q = aiClaims) => readAnswerSheet(text, 'ai-claims.csv', q, TODAY);
const errors = (text: string, q = aiClaims) =>
  read(text, q)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.file}: ${p.message}`);
const rowOf = (id: string) => sheetQuestions(aiClaims).findIndex((q) => q.question.id === id) + 3;

describe('reading a returned sheet', () => {
  test('an unchanged sheet reads back and changes nothing', () => {
    const sheet = read(answerSheetCsv(answerSheet(aiClaims, datavane)));
    expect(sheet.problems).toEqual([]);
    expect(sheet.meta?.vendor).toBe('datavane');
    expect(mergeSheetAnswers(datavane, sheet.answers, index).changes).toEqual([]);
  });

  test('every cell-level error at once, by cell', () => {
    const text = edited(
      {
        'trains-models': { Answer: 'Yes please' },
        'ml-team': { Answer: 'lots' },
        'last-trained': { Answer: '2026 Q5' },
        'ai-runtime': {
          Answer: 'A trained model, on every request',
          'Evidence (document or web address)': 'docs/deck.pdf',
          'Evidence date (YYYY-MM-DD)': '2027-01-01',
        },
        'model-origin': { Answer: 'Homegrown', 'Evidence (document or web address)': 'docs/deck.pdf', 'Evidence date (YYYY-MM-DD)': '14/05/2026' },
        'automation-rate': { Answer: '150' },
      },
      aiClaims,
      ['no-such-question,,,,,,Yes,,,'],
    );
    const all = errors(text);
    expect(all).toEqual(
      expect.arrayContaining([
        `ai-claims.csv:G${rowOf('trains-models')}: "Yes please" is not one of Yes / No`,
        `ai-claims.csv:G${rowOf('ml-team')}: "lots" is not a number of people`,
        `ai-claims.csv:G${rowOf('last-trained')}: "2026 Q5" is not a quarter`,
        `ai-claims.csv:I${rowOf('ai-runtime')}: "2027-01-01" is after today (2026-11-22)`,
        `ai-claims.csv:I${rowOf('model-origin')}: "14/05/2026" is not a date`,
        `ai-claims.csv:G${rowOf('automation-rate')}: "150": the maximum is 100 % of outputs`,
        expect.stringMatching(/^ai-claims\.csv:G\d+: "Homegrown" is not one of Trained in-house from scratch \/ /),
        expect.stringMatching(/^ai-claims\.csv:A\d+: "no-such-question" is not a question id of ai-claims 2\.0\.0$/),
      ]),
    );
    expect(all).toHaveLength(8);
    expect(read(text).problems.every((p) => p.hint)).toBe(true);
  });

  test('labels in any case, Yes/No, several labels by ; or , (a label may hold a comma), numbers in words', () => {
    const sheet = read(
      edited({
        'trains-models': { Answer: ' no ' },
        'ai-runtime': { Answer: 'a trained model, WITH rules or people on top' },
        'data-provenance': { Answer: "Licensed from named data providers, the vendor's own first-party data" },
        'training-records': { Answer: '40 million' },
        'ml-team': { Answer: '12' },
      }),
    );
    expect(sheet.problems).toEqual([]);
    const value = (id: string) => sheet.answers.find((a) => a.question === id)!.state;
    expect(value('trains-models')).toEqual({ kind: 'value', value: false });
    expect(value('ai-runtime')).toEqual({ kind: 'value', value: 'model-with-rules' });
    expect(value('data-provenance')).toEqual({ kind: 'value', value: ['licensed', 'own'] });
    expect(value('training-records')).toEqual({ kind: 'value', value: 40_000_000 });
  });

  test('an empty answer is not answered, never a value, and keeps what is on record', () => {
    const sheet = read(edited({ 'ml-team': { Answer: '' } }));
    expect(sheet.answers.find((a) => a.question === 'ml-team')!.state).toEqual({ kind: 'empty' });
    const merged = mergeSheetAnswers(datavane, sheet.answers, index);
    expect(merged.changes).toEqual([]);
    expect(merged.vendor.answers['ml-team']).toEqual(datavane.answers['ml-team']);
  });

  test('declines: "will not say", "declined: reason"', () => {
    const sheet = read(edited({ 'ml-team': { Answer: 'will not say' }, 'trains-models': { Answer: 'Declined: under NDA only' } }));
    expect(sheet.answers.find((a) => a.question === 'ml-team')!.state).toEqual({ kind: 'declined', reason: 'will not say' });
    expect(sheet.answers.find((a) => a.question === 'trains-models')!.state).toEqual({ kind: 'declined', reason: 'under NDA only' });
    const { changes, vendor } = mergeSheetAnswers(datavane, sheet.answers, index);
    expect(changes.map((c) => `${c.question}: ${c.before} → ${c.after}`)).toEqual([
      'ml-team: 4 → declined: will not say',
      'trains-models: Yes → declined: under NDA only',
    ]);
    expect(vendor.answers['ml-team']).toEqual({ declined: 'will not say' });
  });

  test('a sheet of another questionnaire is refused', () => {
    const text = answerSheetCsv(answerSheet(bundled('fmti-2023.yaml')));
    const sheet = read(text);
    expect(sheet.otherQuestionnaire).toBe('fmti-2023');
    expect(errors(text)).toEqual(['ai-claims.csv:1: this sheet follows the questionnaire fmti-2023, not ai-claims']);
    expect(sheet.answers).toEqual([]);
  });

  test('a sheet of another version is mapped by id and replaces; what cannot be mapped is listed', () => {
    // The next edition: ml-team renamed ml-people (replaces: [ml-team]); bias-examined removed.
    const next = structuredClone(aiClaims) as Questionnaire;
    next.version = '2.1.0';
    for (const section of next.sections) {
      section.questions = section.questions?.filter((q) => q.id !== 'bias-examined');
      for (const q of section.questions ?? []) if (q.id === 'ml-team') Object.assign(q, { id: 'ml-people', replaces: ['ml-team'] });
    }
    const sheet = read(edited({ 'ml-team': { Answer: '7' }, 'bias-examined': { Answer: 'Yes' } }), next);
    expect(sheet.otherVersion).toBe(true);
    expect(sheet.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(sheet.mapped).toEqual([{ from: 'ml-team', to: 'ml-people', row: rowOf('ml-team') }]);
    expect(sheet.unmapped).toEqual([{ id: 'bias-examined', row: rowOf('bias-examined') }]);
    expect(sheet.answers.find((a) => a.question === 'ml-people')!.state).toEqual({ kind: 'value', value: 7 });
  });

  test('the formula guard of the CSV writer is undone on reading', () => {
    const withNote = { ...datavane, answers: { ...datavane.answers, 'ml-team': { value: 4, note: '-5 since last year; =not a formula' } } };
    const sheet = read(answerSheetCsv(answerSheet(aiClaims, withNote)));
    expect(sheet.answers.find((a) => a.question === 'ml-team')!.note).toBe('-5 since last year; =not a formula');
  });
});

describe('the claims and roadmap rows: "None" is a fact, an empty cell is not', () => {
  const noLists = { ...datavane, claims: undefined, roadmap: undefined } as typeof datavane;
  const listRows = (text: string) => read(text).lists.map((l) => `${l.question} ${l.listed ? 'listed' : 'none'}`);

  test('read: the labels, in any case; empty says nothing; anything else is refused by cell', () => {
    expect(listRows(edited({ 'ai-claims': { Answer: 'none' }, 'roadmap-commitments': { Answer: 'listed on the roadmap sheet' } }))).toEqual([
      'ai-claims none',
      'roadmap-commitments listed',
    ]);
    expect(listRows(edited({ 'ai-claims': { Answer: '' }, 'roadmap-commitments': { Answer: '' } }))).toEqual([]);
    expect(errors(edited({ 'ai-claims': { Answer: 'some' }, 'roadmap-commitments': { Answer: 'will not say' } }))).toEqual([
      `ai-claims.csv:G${rowOf('ai-claims')}: "some" is not one of Listed on the Claims sheet / None`,
      `ai-claims.csv:G${rowOf('roadmap-commitments')}: "will not say": the roadmap commitments cannot be declined here`,
    ]);
    expect(errors(edited({ 'ai-claims': { Answer: 'None', 'Evidence (document or web address)': 'https://x.example' } }))).toEqual([
      `ai-claims.csv:H${rowOf('ai-claims')}: evidence for claims goes on the Claims sheet`,
    ]);
  });

  test('"None" with nothing on record records an empty list; an empty cell records nothing', () => {
    const none = read(edited({ 'ai-claims': { Answer: 'None' }, 'roadmap-commitments': { Answer: '' } })).lists;
    const applied = applyListAnswers(noLists, noLists, none, false);
    expect(applied.problems).toEqual([]);
    expect(applied.vendor.claims).toEqual([]);
    expect(applied.vendor.roadmap).toBeUndefined();
    expect(applied.changes).toEqual([{ sheet: 'Answers', row: rowOf('ai-claims'), what: 'ai-claims: none to list (asked, and there are none)' }]);
    // Already recorded as none: nothing changes.
    expect(applyListAnswers({ ...noLists, claims: [] }, { ...noLists, claims: [] }, none, false).changes).toEqual([]);
  });

  test('"None" beside claims on record or rows the sheet adds, and "Listed" with nothing listed, are refused', () => {
    const at = `ai-claims.csv:G${rowOf('ai-claims')}`;
    const none = read(edited({ 'ai-claims': { Answer: 'None' }, 'roadmap-commitments': { Answer: '' } })).lists;
    const listed = read(edited({ 'ai-claims': { Answer: 'Listed on the Claims sheet' }, 'roadmap-commitments': { Answer: '' } })).lists;
    const said = (r: ReturnType<typeof applyListAnswers>) => r.problems.map((p) => `${p.file}: ${p.message} — ${p.hint}`);
    expect(said(applyListAnswers(datavane, datavane, none, true))).toEqual([
      `${at}: "None", but 2 claims are on record — write "Listed on the Claims sheet": a sheet does not remove what is on record`,
    ]);
    const added = { ...noLists, claims: [{ text: 'Our AI writes every email.' }] };
    expect(said(applyListAnswers(noLists, added, none, true))).toEqual([
      `${at}: "None", but the Claims sheet lists 1 claim — write "Listed on the Claims sheet", or clear those rows of the Claims sheet`,
    ]);
    expect(said(applyListAnswers(noLists, noLists, listed, true))).toEqual([
      `${at}: "Listed on the Claims sheet", but the Claims sheet lists none — list each claim on the Claims sheet, or write "None" if there are none`,
    ]);
    expect(said(applyListAnswers(noLists, noLists, listed, false))).toEqual([
      `${at}: "Listed on the Claims sheet", but a CSV has no Claims sheet — send the .xlsx workbook with the Claims sheet filled in, or write "None" if there are none`,
    ]);
    expect(said(applyListAnswers(datavane, datavane, listed, false))).toEqual([]);
  });

  test('exported: the cell says what is on record, and an unexported vendor leaves it empty', () => {
    const cell = (vendor: typeof datavane, id: string) => answerSheet(aiClaims, vendor).sheets[1]!.rows.find((r) => r.question === id)!.cells.answer;
    expect(cell(datavane, 'ai-claims')).toBe('Listed on the Claims sheet');
    expect(cell({ ...datavane, roadmap: [] }, 'roadmap-commitments')).toBe('None');
    expect(cell(noLists, 'ai-claims')).toBeUndefined();
  });
});
