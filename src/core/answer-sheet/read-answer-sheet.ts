import { parse } from 'csv-parse/sync';
import { scoredWith } from '../findings/build-findings.js';
import { parseDateAnswer, parseNumberAnswer, parseQuarterAnswer, type Parsed } from '../interview/parse-answer.js';
import { parseEvidenceDate, parseEvidenceRef } from '../interview/parse-evidence.js';
import type { Problem } from '../problem.js';
import { indexQuestionnaire } from '../questionnaire-index.js';
import type { Question, Questionnaire } from '../schema/questionnaire.js';
import type { AnswerValue } from '../schema/vendor.js';
import { ANSWER_COLUMNS, ANSWER_SHEET_FORMAT } from './answer-sheet.js';
import { askedInSheet, listLabels, listSheet } from './vendor-words.js';

// A returned answer sheet (CSV or workbook), read back into answers: labels to values, figures, dates and
// quarters, evidence and its date, a note. Every problem is said at once, by cell (G14), with what
// to write; a sheet of another edition of the questionnaire is mapped by question id and
// `replaces`; a sheet of another questionnaire is refused. Pure: the text (or a workbook's cells) in, answers and problems out.

/** What one row says. `empty`: the vendor did not answer (never a value). */
type SheetState = { kind: 'empty' } | { kind: 'value'; value: AnswerValue } | { kind: 'declined'; reason: string } | { kind: 'notApplicable'; reason: string };

export interface SheetAnswer {
  question: string;
  /** The spreadsheet row it came from (1-based, as a spreadsheet numbers rows). */
  row: number;
  state: SheetState;
  evidence?: { ref: string; date?: string | undefined } | undefined;
  note?: string | undefined;
}

/** A list question's row: its items are on the Claims or Roadmap sheet (`listed`), or there are none. */
export interface SheetListAnswer {
  question: string;
  sheet: 'Claims' | 'Roadmap';
  binds: 'claims' | 'roadmap';
  row: number;
  listed: boolean;
  /** Where the Answer cell is, for a problem. */
  where: string;
}

export interface SheetMetaRead {
  questionnaire?: string | undefined;
  version?: string | undefined;
  hash?: string | undefined;
  vendor?: string | undefined;
}

export interface ReadSheet {
  /** Undefined: the first row is not aiclaim's, so the sheet is read as one of the questionnaire given. */
  meta: SheetMetaRead | undefined;
  answers: SheetAnswer[];
  /** The rows of list questions whose Answer says something (an empty one says nothing). */
  lists: SheetListAnswer[];
  problems: Problem[];
  /** The sheet follows another version of the questionnaire: its answers were mapped by id. */
  otherVersion: boolean;
  /** Old ids answered under the question that replaced them. */
  mapped: { from: string; to: string; row: number }[];
  /** Ids of another version with no question here: their answers were left out. */
  unmapped: { id: string; row: number }[];
  /** The sheet is of another questionnaire (its id), and nothing else was read. */
  otherQuestionnaire?: string | undefined;
}

const MAX_ROWS = 5000;

/** Column letters as a spreadsheet names them: A … Z, AA … */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The guard of src/render/csv.ts undone: an apostrophe it put before a formula character. */
function unguard(cell: string): string {
  return cell.replace(/^'(?=[=+\-@\t\r])/, '').replace(/([,;\t\r\n]"*)'(?=[=+\-@])/g, '$1');
}

function delimiterOf(text: string): string {
  const head = text.split(/\r?\n/, 2).join('\n');
  return (head.match(/;/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? ';' : ',';
}

const normal = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The Answers sheet as rows of cell text, whatever file it came from: a CSV (below) or a workbook
 * (src/shell/read-answer-workbook.ts). Both are read by `readAnswerGrid`, one set of rules.
 */
export interface AnswerGrid {
  /** The header row first, then one row per question, each a list of cell texts (column A first). */
  rows: string[][];
  /** The spreadsheet row number of `rows[0]`, the header. */
  headerRow: number;
  /** Undefined: the sheet does not say what it is, so it is read as one of the questionnaire given. */
  meta: SheetMetaRead | undefined;
  /** Where a cell is, for a problem: `file.csv:G14`, `file.xlsx:Answers!G14`; a whole row without a column. */
  where: (column: number | undefined, row: number) => string;
  /** Where the meta was read, for a problem about it. */
  metaWhere: string;
}

/** A returned CSV answer sheet, as text, read into answers. */
export function readAnswerSheet(text: string, file: string, questionnaire: Questionnaire, today: string): ReadSheet {
  const grid = csvGrid(text, file);
  if (!grid.ok) return { meta: undefined, answers: [], lists: [], problems: [grid.problem], otherVersion: false, mapped: [], unmapped: [] };
  return readAnswerGrid(grid.grid, questionnaire, today);
}

/** A CSV's rows as a grid: its first row is the meta when aiclaim wrote it, the header row follows. */
export function csvGrid(text: string, file: string): { ok: true; grid: AnswerGrid } | { ok: false; problem: Problem } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      delimiter: delimiterOf(text),
      to: MAX_ROWS + 2,
    }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; message: string };
    return {
      ok: false,
      problem: {
        file: e.lines ? `${file}:${e.lines}` : file,
        message: `the CSV could not be read: ${e.message.slice(0, 200)}`,
        hint: 'save the sheet again as CSV',
        severity: 'error',
      },
    };
  }
  records = records.map((r) => r.map(unguard));
  const where = (column: number | undefined, row: number) => (column === undefined ? `${file}:${row}` : `${file}:${columnLetter(column)}${row}`);
  const first = records[0];
  if (!first || normal(first[0] ?? '') !== ANSWER_SHEET_FORMAT)
    return { ok: true, grid: { rows: records, headerRow: 1, meta: undefined, where, metaWhere: `${file}:1` } };
  const meta: SheetMetaRead = {};
  for (const cell of first.slice(1)) {
    const m = /^\s*(questionnaire|version|hash|vendor)\s*:\s*(.+?)\s*$/i.exec(cell);
    if (m) meta[m[1]!.toLowerCase() as keyof SheetMetaRead] = m[2];
  }
  return { ok: true, grid: { rows: records.slice(1), headerRow: 2, meta, where, metaWhere: `${file}:1` } };
}

/** The cells of an Answers sheet read into answers, every problem by cell. */
export function readAnswerGrid(grid: AnswerGrid, questionnaire: Questionnaire, today: string): ReadSheet {
  const index = indexQuestionnaire(questionnaire);
  const problems: Problem[] = [];
  const at = (column: number | undefined, row: number, message: string, hint?: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: grid.where(column, row), message, hint, severity });
  const result: ReadSheet = { meta: grid.meta, answers: [], lists: [], problems, otherVersion: false, mapped: [], unmapped: [] };
  const { meta } = grid;
  if (meta) {
    if (meta.questionnaire !== undefined && meta.questionnaire !== questionnaire.id) {
      result.otherQuestionnaire = meta.questionnaire;
      problems.push({
        file: grid.metaWhere,
        message: `this sheet follows the questionnaire ${meta.questionnaire}, not ${questionnaire.id}`,
        hint: `export an answer sheet of ${questionnaire.id} (aiclaim questionnaire export), or import into a workspace that uses ${meta.questionnaire}`,
        severity: 'error',
      });
      return result;
    }
    result.otherVersion =
      (meta.hash !== undefined && !scoredWith(questionnaire, meta.hash)) || (meta.version !== undefined && meta.version !== questionnaire.version);
  }
  const records = grid.rows;
  const headerAt = grid.headerRow - 1;
  const header = records[0];
  if (!header) {
    at(undefined, headerAt + 1, 'no header row', 'keep the header row of the exported sheet (Question id, …, Answer, Evidence, Evidence date, Note)');
    return result;
  }
  const find = (key: string, also: string[] = []) => {
    const names = [ANSWER_COLUMNS.find((c) => c.key === key)!.header, key, ...also].map(normal);
    const i = header.findIndex((h) => names.includes(normal(h)));
    return i === -1 ? undefined : i;
  };
  const cols = {
    id: find('id', ['question_id', 'id']),
    answer: find('answer'),
    evidence: find('evidence'),
    evidenceDate: find('evidenceDate', ['evidence date', 'evidence_date']),
    note: find('note'),
  };
  if (cols.id === undefined || cols.answer === undefined) {
    at(
      undefined,
      headerAt + 1,
      `the header row has no ${cols.id === undefined ? '"Question id"' : '"Answer"'} column`,
      'keep the header row of the exported sheet as it is',
    );
    return result;
  }
  if (records.length > MAX_ROWS + 1)
    at(undefined, MAX_ROWS + headerAt + 2, `more than ${MAX_ROWS} rows: the rest were not read`, 'an answer sheet has one row per question');
  const seen = new Map<string, number>();
  records.slice(1, MAX_ROWS + 1).forEach((record, i) => {
    const row = headerAt + 2 + i;
    const cell = (c: number | undefined) => (c === undefined ? '' : (record[c] ?? '').trim());
    const rawId = cell(cols.id);
    const answerText = cell(cols.answer);
    const evidenceText = cell(cols.evidence);
    const dateText = cell(cols.evidenceDate);
    const note = cell(cols.note);
    if (rawId === '') {
      if (answerText || evidenceText || dateText)
        at(cols.id, row, 'an answer with no question id', 'copy the question id back into this cell, or move the answer to the row of its question');
      return;
    }
    let id = rawId;
    let question = index.byId.get(id)?.question;
    if (!question || !askedInSheet(question)) {
      const replacement = index.replaced.get(id);
      if (question) {
        at(cols.id, row, `"${rawId}" is not answered in this sheet`, 'it is not asked of the vendor; leave this row out');
        return;
      }
      if (result.otherVersion && replacement) {
        result.mapped.push({ from: id, to: replacement, row });
        id = replacement;
        question = index.byId.get(id)?.question;
      } else if (result.otherVersion) {
        result.unmapped.push({ id: rawId, row });
        return;
      } else {
        at(
          cols.id,
          row,
          `"${rawId}" is not a question id of ${questionnaire.id} ${questionnaire.version}`,
          'keep the Question id column as exported (aiclaim questionnaire show --for-vendor lists the ids)',
        );
        return;
      }
    }
    if (!question) return;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      at(cols.id, row, `${id} is answered twice (also in row ${earlier})`, 'keep one row per question');
      return;
    }
    seen.set(id, row);
    const sheet = listSheet(question);
    if (sheet) {
      const list = readListCell(sheet, answerText);
      if (!list.ok) at(cols.answer, row, list.message, list.hint);
      else if (list.listed !== undefined)
        result.lists.push({
          question: id,
          sheet,
          binds: sheet === 'Claims' ? 'claims' : 'roadmap',
          row,
          listed: list.listed,
          where: grid.where(cols.answer, row),
        });
      if (evidenceText || dateText)
        at(
          cols.evidence,
          row,
          `evidence for ${sheet === 'Claims' ? 'claims' : 'commitments'} goes on the ${sheet} sheet`,
          sheet === 'Claims'
            ? 'give where each claim was made in its row of the Claims sheet, and clear this cell'
            : 'clear this cell: each commitment is its own row of the Roadmap sheet',
        );
      if (note)
        at(cols.note, row, `the note is kept nowhere: ${id} is listed on the ${sheet} sheet`, 'clear the note, or say it in the rows of that sheet', 'warning');
      return;
    }
    const state = readState(question, answerText);
    if (!state.ok) at(cols.answer, row, state.message, state.hint);
    const answer: SheetAnswer = { question: id, row, state: state.ok ? state.value : { kind: 'empty' }, ...(note ? { note } : {}) };
    if (state.ok && state.value.kind === 'empty') {
      if (evidenceText || dateText) at(cols.answer, row, 'evidence is given but no answer', `write the answer to ${id} here, or clear the evidence`);
      else if (note) at(cols.note, row, `the note is kept nowhere: ${id} has no answer`, 'write the answer too, or clear the note', 'warning');
      result.answers.push(answer);
      return;
    }
    if (evidenceText) {
      const ref = parseEvidenceRef(evidenceText);
      if (!ref.ok) at(cols.evidence, row, `"${evidenceText}" is not evidence`, ref.message);
      let date: string | undefined;
      if (dateText) {
        const d = parseEvidenceDate(dateText, today);
        if (d.ok) date = d.value;
        else if (d.message.includes('after today'))
          at(cols.evidenceDate, row, `"${dateText}" is after today (${today})`, 'write the date the document bears, as YYYY-MM-DD');
        else
          at(
            cols.evidenceDate,
            row,
            d.message.startsWith('type') ? `"${dateText}" is not a date` : d.message,
            'write the date the document bears, as YYYY-MM-DD',
          );
      }
      if (ref.ok) answer.evidence = { ref: ref.value, ...(date ? { date } : {}) };
    } else if (dateText)
      at(cols.evidenceDate, row, 'an evidence date with no evidence', 'name the document or give its web address in the Evidence column, or clear the date');
    result.answers.push(answer);
  });
  return result;
}

/** A list row's Answer: listed on its sheet, none, or (empty) nothing said. */
function readListCell(sheet: 'Claims' | 'Roadmap', text: string): { ok: true; listed: boolean | undefined } | { ok: false; message: string; hint: string } {
  const cell = normal(text);
  const { listed, none } = listLabels(sheet);
  if (cell === '') return { ok: true, listed: undefined };
  if (cell === normal(listed) || /^(yes|listed|see the \w+ sheet)$/.test(cell)) return { ok: true, listed: true };
  if (cell === normal(none) || /^(no|none to list|there are none)$/.test(cell)) return { ok: true, listed: false };
  const hint = `write "${listed}" and list them there, or "${none}" if there are none`;
  if (DECLINE.test(cell))
    return { ok: false, message: `"${text.trim()}": the ${sheet === 'Claims' ? 'claims' : 'roadmap commitments'} cannot be declined here`, hint };
  return { ok: false, message: `"${text.trim()}" is not one of ${listed} / ${none}`, hint };
}

type Read = { ok: true; value: SheetState } | { ok: false; message: string; hint?: string };

const DECLINE = /^(?:will not say|won't say|declined?)(?:\s*[:\-–]\s*(.*))?$/i;
const NOT_APPLICABLE = /^(?:n\/a|not applicable)(?:\s*[:\-–]\s*(.*))?$/i;

/** What an Answer cell says: a value, a decline with its reason, not applicable with the reason, or nothing. */
function readState(question: Question, text: string): Read {
  const cell = text.trim();
  if (cell === '') return { ok: true, value: { kind: 'empty' } };
  // An option's own label ("Will not say") is an answer, before any generic decline.
  const value = readValue(question, cell);
  if (value.ok) return { ok: true, value: { kind: 'value', value: value.value } };
  const declined = DECLINE.exec(cell);
  if (declined) {
    const reason = declined[1]?.trim() || 'will not say';
    if (reason.length < 3)
      return { ok: false, message: `"${cell}": say in a few words what the vendor said`, hint: 'write "will not say", or "declined: " and the reason' };
    return { ok: true, value: { kind: 'declined', reason } };
  }
  const na = NOT_APPLICABLE.exec(cell);
  if (na) {
    if (!question.notApplicable) return { ok: false, message: `${question.id} cannot be answered not applicable`, hint: `write ${expected(question)}` };
    const reason = na[1]?.trim() ?? '';
    if (reason.length < 10)
      return { ok: false, message: `"${cell}": not applicable needs the reason, in a few words`, hint: 'write "n/a: " and why the question does not apply' };
    return { ok: true, value: { kind: 'notApplicable', reason } };
  }
  return { ok: false, message: value.message, hint: `write ${expected(question)}` };
}

function expected(question: Question): string {
  switch (question.type) {
    case 'boolean':
      return 'Yes or No';
    case 'choice':
      return 'one of the labels in "How to answer", as written there';
    case 'multi':
      return 'one or more of the labels in "How to answer", separated by ";"';
    case 'number':
      return `a number of ${question.unit}, e.g. 40000000 or 40 million`;
    case 'date':
      return 'a date as YYYY-MM-DD, e.g. 2026-10-14';
    case 'quarter':
      return 'a quarter as YYYY-Qn, e.g. 2027-Q1';
    default:
      return 'the answer';
  }
}

function readValue(question: Question, cell: string): Parsed<AnswerValue> {
  switch (question.type) {
    case 'boolean':
      if (/^(yes|y|true)$/i.test(cell)) return { ok: true, value: true };
      if (/^(no|n|false)$/i.test(cell)) return { ok: true, value: false };
      return { ok: false, message: `"${cell}" is not one of Yes / No` };
    case 'choice': {
      const option = matchOption(question.options, cell);
      return option ? { ok: true, value: option } : { ok: false, message: `"${cell}" is not one of ${question.options.map((o) => o.label).join(' / ')}` };
    }
    case 'multi': {
      const chosen = matchSeveral(question.options, cell);
      if (!chosen.ok) return { ok: false, message: `"${chosen.message}" is not one of ${question.options.map((o) => o.label).join(' / ')}` };
      return { ok: true, value: chosen.value };
    }
    case 'number': {
      const n = parseNumberAnswer(cell, question);
      if (n.ok) return n;
      return {
        ok: false,
        message: parseNumberAnswer(cell, { unit: question.unit }).ok ? `"${cell}": ${n.message}` : `"${cell}" is not a number of ${question.unit}`,
      };
    }
    case 'date': {
      const d = parseDateAnswer(cell);
      return d.ok ? d : { ok: false, message: d.message.startsWith('type') ? `"${cell}" is not a date` : d.message };
    }
    case 'quarter': {
      const q = parseQuarterAnswer(cell);
      return q.ok ? q : { ok: false, message: `"${cell}" is not a quarter` };
    }
    case 'text':
      return { ok: true, value: cell };
    default:
      return { ok: false, message: `${question.id} is not answered in this sheet` };
  }
}

function matchOption(options: readonly { value: string; label: string }[], text: string): string | undefined {
  const key = normal(text);
  return (options.find((o) => normal(o.label) === key) ?? options.find((o) => o.value === key))?.value;
}

/**
 * Several labels separated by ";" or ",". A label may hold a comma itself ("A trained model, with
 * rules"), so the longest run of pieces that is a label is taken first.
 */
function matchSeveral(options: readonly { value: string; label: string }[], text: string): Parsed<string[]> {
  const parts = text.split(/([;,])/);
  const pieces = parts.filter((_, i) => i % 2 === 0);
  const chosen: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    if (pieces[i]!.trim() === '') {
      i++;
      continue;
    }
    let found: { value: string; next: number } | undefined;
    for (let j = pieces.length - 1; j >= i && !found; j--) {
      const candidate = parts.slice(2 * i, 2 * j + 1).join('');
      const value = matchOption(options, candidate);
      if (value) found = { value, next: j + 1 };
    }
    if (!found) return { ok: false, message: pieces[i]!.trim() };
    if (!chosen.includes(found.value)) chosen.push(found.value);
    i = found.next;
  }
  return chosen.length ? { ok: true, value: chosen } : { ok: false, message: text };
}
