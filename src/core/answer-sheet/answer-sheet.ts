import { questionnaireHash } from '../findings/build-findings.js';
import { indexQuestionnaire, type IndexedQuestion } from '../questionnaire-index.js';
import type { Question, Questionnaire } from '../schema/questionnaire.js';
import type { Answer, Commitment, Vendor } from '../schema/vendor.js';
import {
  allowedLabels,
  askedInSheet,
  assertionWords,
  evidenceAsked,
  howToAnswer,
  listLabels,
  listSheet,
  onlyIf,
  vendorQuestionHelp,
  vendorQuestionText,
} from './vendor-words.js';

// The answer sheet a vendor fills in, as data: a workbook of named sheets, each with typed columns
// and rows of cells. Writers serialize it (CSV today: src/render/answer-sheet-csv.ts; an XLSX writer
// later), and src/core/answer-sheet/read-answer-sheet.ts reads the Answers sheet back. Nothing here
// says how an answer is scored: the sheet goes to the vendor.

export const ANSWER_SHEET_FORMAT = 'aiclaim answer sheet';

/**
 * What a column holds. An XLSX writer can map each to a cell format: `label` cells get a dropdown
 * from the row's `allowed` labels (data validation), `date` cells a date format, `long-text` wraps,
 * `fixed` cells are locked (the vendor reads them; editing the id would lose the answer).
 */
type ColumnKind = 'fixed' | 'long-text' | 'label' | 'date' | 'quarter' | 'text';

export interface Column {
  key: string;
  header: string;
  kind: ColumnKind;
  /** The vendor fills it in (an XLSX writer leaves it unlocked). */
  input: boolean;
}

export type Cell = string | number;

export interface Row {
  cells: Record<string, Cell | undefined>;
  /**
   * Answers rows: the labels the answer may be, for a dropdown in an XLSX writer (a CSV has none);
   * undefined where the answer is free (a number, a date, text).
   */
  allowed?: string[] | undefined;
  /** With `allowed`: several labels may be chosen (separated by ";"), so a plain dropdown is not enough. */
  multiple?: boolean | undefined;
  /** Answers rows: the question id the row answers. */
  question?: string | undefined;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Row[];
}

/** What makes a returned sheet recognisable: the questionnaire it follows, and for whom it was made. */
interface AnswerSheetMeta {
  format: typeof ANSWER_SHEET_FORMAT;
  questionnaire: string;
  version: string;
  hash: string;
  vendor?: string | undefined;
}

export interface Workbook {
  meta: AnswerSheetMeta;
  /** Instructions, Answers, Claims, Roadmap, About (the meta as a sheet), in that order. */
  sheets: Sheet[];
}

const col = (key: string, header: string, kind: ColumnKind, input = false): Column => ({ key, header, kind, input });

export const ANSWER_COLUMNS: Column[] = [
  col('id', 'Question id', 'fixed'),
  col('section', 'Section', 'fixed'),
  col('question', 'Question', 'fixed'),
  col('help', 'Help', 'fixed'),
  col('how', 'How to answer', 'fixed'),
  col('onlyIf', 'Answer only if', 'fixed'),
  col('answer', 'Answer', 'label', true),
  col('evidence', 'Evidence (document or web address)', 'text', true),
  col('evidenceDate', 'Evidence date (YYYY-MM-DD)', 'date', true),
  col('note', 'Note', 'long-text', true),
];

/** The questions of the Answers sheet, in asking order: those the vendor answers, not lists nor the team's own. */
export function sheetQuestions(questionnaire: Questionnaire): IndexedQuestion[] {
  return indexQuestionnaire(questionnaire).questions.filter((q) => q.askedOf === 'vendor' && askedInSheet(q.question));
}

export function answerSheet(questionnaire: Questionnaire, vendor?: Vendor): Workbook {
  const index = indexQuestionnaire(questionnaire);
  const meta: AnswerSheetMeta = {
    format: ANSWER_SHEET_FORMAT,
    questionnaire: questionnaire.id,
    version: questionnaire.version,
    hash: questionnaireHash(questionnaire),
    ...(vendor ? { vendor: vendor.id } : {}),
  };
  const titles = new Map(index.sections.map((s) => [s.key, s.section.title]));
  const answers: Row[] = sheetQuestions(questionnaire).map((q) => {
    const answer = vendor?.answers[q.question.id];
    const evidence = answer?.evidence;
    const allowed = allowedLabels(q.question);
    return {
      question: q.question.id,
      allowed,
      multiple: q.question.type === 'multi' || undefined,
      cells: {
        id: q.question.id,
        section: q.sectionPath.map((_, i) => titles.get(q.sectionPath.slice(0, i + 1).join('/'))).join(' / '),
        question: vendorQuestionText(q.question),
        help: [vendorQuestionHelp(q.question), evidenceAsked(q.question)].filter(Boolean).join(' '),
        how: howToAnswer(q.question) + (q.question.notApplicable ? '; or n/a: the reason it does not apply' : ''),
        onlyIf: onlyIf(q.question, index),
        answer: listSheet(q.question) ? listCell(q.question, vendor) : answer ? answerCell(q.question, answer) : undefined,
        evidence: evidence === undefined ? undefined : typeof evidence === 'string' ? evidence : evidence.ref,
        evidenceDate: evidence !== undefined && typeof evidence !== 'string' ? evidence.date : undefined,
        note: answer?.note,
      },
    };
  });
  return {
    meta,
    sheets: [
      {
        name: 'Instructions',
        columns: [col('text', 'Instructions', 'long-text')],
        rows: instructions(questionnaire, vendor).map((text) => ({ cells: { text } })),
      },
      { name: 'Answers', columns: ANSWER_COLUMNS, rows: answers },
      {
        name: 'Claims',
        columns: [
          col('text', 'Claim, word for word', 'long-text', true),
          col('source', 'Where it was made', 'text', true),
          col('date', 'Date made (YYYY-MM-DD)', 'date', true),
          col('asserts', 'What it asserts', 'fixed'),
        ],
        rows: (vendor?.claims ?? []).map((c) => ({
          cells: { text: c.text, source: c.source, date: c.date, asserts: c.asserts?.map((a) => assertionWords(a as never, index)).join('; ') },
        })),
      },
      {
        name: 'Roadmap',
        columns: [
          col('id', 'Id', 'fixed'),
          col('title', 'What was promised', 'long-text', true),
          col('promised', 'Promised in (YYYY-Qn)', 'quarter', true),
          col('due', 'Due (YYYY-Qn)', 'quarter', true),
          col('status', 'Status', 'text', true),
        ],
        rows: (vendor?.roadmap ?? []).map((c) => ({ cells: { id: c.id, title: c.title, promised: c.promised, due: c.due, status: statusWords(c) } })),
      },
      {
        name: 'About',
        columns: [col('key', 'Key', 'fixed'), col('value', 'Value', 'fixed')],
        rows: [
          { cells: { key: 'format', value: meta.format } },
          { cells: { key: 'questionnaire', value: meta.questionnaire } },
          { cells: { key: 'version', value: meta.version } },
          { cells: { key: 'hash', value: meta.hash } },
          ...(meta.vendor ? [{ cells: { key: 'vendor', value: meta.vendor } }] : []),
        ],
      },
    ],
  };
}

/** An answer as the sheet shows it: labels, Yes/No, the figure, "declined: …" or "n/a: …". */
export function answerCell(question: Question, answer: Answer): Cell | undefined {
  if (answer.declined !== undefined) return `declined: ${answer.declined}`;
  if (answer.notApplicable !== undefined) return `n/a: ${answer.notApplicable}`;
  const value = answer.value;
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if ((question.type === 'choice' || question.type === 'multi') && question.options) {
    const label = (v: unknown) => question.options.find((o) => o.value === v)?.label ?? String(v);
    return Array.isArray(value) ? value.map(label).join('; ') : label(value);
  }
  if (typeof value === 'number') return value;
  return Array.isArray(value) ? value.map(String).join('; ') : value;
}

/** A list question's Answer cell: its items are on their sheet, there are none, or (never asked) empty. */
function listCell(question: Question, vendor: Vendor | undefined): string | undefined {
  const sheet = listSheet(question);
  const items = question.type === 'list' && question.binds ? vendor?.[question.binds] : undefined;
  if (!sheet || items === undefined) return undefined;
  return items.length > 0 ? listLabels(sheet).listed : listLabels(sheet).none;
}

/** A commitment's status as the Roadmap sheet writes it: planned, delivered in 2026-Q4, slipped to 2027-Q2, dropped. */
export function statusWords(c: Pick<Commitment, 'status' | 'deliveredIn' | 'revisedDue'>): string {
  if (c.status === 'delivered') return `delivered in ${c.deliveredIn}`;
  if (c.status === 'slipped') return `slipped to ${c.revisedDue}`;
  return c.status;
}

function instructions(questionnaire: Questionnaire, vendor: Vendor | undefined): string[] {
  return [
    `${questionnaire.title} (${questionnaire.id} ${questionnaire.version})${vendor ? ` for ${vendor.name}` : ''}.`,
    'What is asked: one row per question on the Answers sheet, grouped by section. The Help and "Answer only if" columns say what each question means and when it applies; skip a question whose condition does not hold.',
    'How to answer: write in the Answer column only what "How to answer" says: Yes or No; one of the labels shown (or several, separated by ";"); a number (40 million and 40M work); a date as YYYY-MM-DD; a quarter as YYYY-Qn; or text.',
    'Leave the Answer empty for a question you have not answered yet. To decline, write "will not say", or "declined: " and your reason.',
    'Claims and roadmap commitments: one row each on the Claims and Roadmap sheets. Their questions on the Answers sheet say "Listed on the … sheet", or "None" when there are none: an empty cell there means not answered yet, never none.',
    'Evidence: in the Evidence column, a web address (https://…) or a document named well enough to be found (title, version, section), and in the Evidence date column the date it bears, as YYYY-MM-DD, not after today.',
    'Keep the first row, the Question id column and the header row as they are: they tell which question each answer belongs to.',
    'Your answers are checked: against the evidence you give, the claims you make in public and independent tests.',
    vendor?.owner ? `Questions about this sheet: ${vendor.owner}.` : 'Questions about this sheet: ask the person who sent it to you.',
  ];
}
