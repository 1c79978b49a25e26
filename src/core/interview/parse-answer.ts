import { isCalendarDate, PERIOD_PATTERN } from '../period.js';
import type { QuestionnaireIndex } from '../questionnaire-index.js';
import { SLUG_PATTERN } from '../schema/common.js';
import type { Assertion } from '../schema/vendor.js';

// What a person types at a prompt, turned into an answer value, or a message saying what to type.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  mio: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  trillion: 1e12,
};

/** "40 million", "40M", "1,200,000", "1.2e6", "35%" → numbers; units after the figure are ignored. */
export function parseHumanNumber(text: string): Parsed<number> {
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/[\s,_']/g, (c) => (c === ' ' ? ' ' : ''));
  const match = /^([-+]?\d*\.?\d+(?:e[-+]?\d+)?)\s*([a-z]+)?\s*%?\s*(?:[a-z%].*)?$/.exec(cleaned);
  if (!match) return { ok: false, message: 'type a number, e.g. 40000000, 40 million or 40M' };
  const base = Number(match[1]);
  const word = match[2];
  const multiplier = word === undefined ? 1 : MULTIPLIERS[word];
  const value = multiplier === undefined ? base : base * multiplier;
  if (!Number.isFinite(value)) return { ok: false, message: 'that number is too large' };
  return { ok: true, value: Math.round(value * 1e6) / 1e6 };
}

export function parseNumberAnswer(
  text: string,
  bounds: { min?: number | undefined; max?: number | undefined; integer?: boolean | undefined; unit: string },
): Parsed<number> {
  const parsed = parseHumanNumber(text);
  if (!parsed.ok) return parsed;
  const n = parsed.value;
  if (bounds.integer && !Number.isInteger(n)) return { ok: false, message: `type a whole number of ${bounds.unit}` };
  if (bounds.min !== undefined && n < bounds.min) return { ok: false, message: `the minimum is ${bounds.min} ${bounds.unit}` };
  if (bounds.max !== undefined && n > bounds.max) return { ok: false, message: `the maximum is ${bounds.max} ${bounds.unit}` };
  return parsed;
}

export function parseDateAnswer(text: string): Parsed<string> {
  const value = text.trim();
  if (isCalendarDate(value)) return { ok: true, value };
  // Written right but not on the calendar (2026-02-30): say so, rather than how to write a date.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { ok: false, message: `${value} is not a date on the calendar` };
  return { ok: false, message: 'type a date as YYYY-MM-DD, e.g. 2026-10-14' };
}

export function parseQuarterAnswer(text: string): Parsed<string> {
  const value = text
    .trim()
    .toUpperCase()
    .replace(/^(\d{4})\s*-?\s*Q([1-4])$/, '$1-Q$2');
  return PERIOD_PATTERN.test(value) ? { ok: true, value } : { ok: false, message: 'type a quarter as YYYY-Qn, e.g. 2027-Q1' };
}

export function parseSlug(text: string): Parsed<string> {
  const value = text.trim();
  return SLUG_PATTERN.test(value)
    ? { ok: true, value }
    : { ok: false, message: 'lower-case letters, digits and dashes, starting with a letter or digit (at most 64)' };
}

/** "Harbor Software Ltd." → "harbor-software-ltd": a vendor id suggested from its name. */
export function suggestSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || 'vendor';
}

const ASSERTION = /^([a-z0-9][a-z0-9-]*)\s*(>=|<=|>|<|=|==|≥|≤|is|in|includes)\s*(.+)$/i;
const OPERATOR: Record<string, 'gte' | 'lte' | 'gt' | 'lt' | 'equals' | 'in' | 'includes'> = {
  '>=': 'gte',
  '≥': 'gte',
  '<=': 'lte',
  '≤': 'lte',
  '>': 'gt',
  '<': 'lt',
  '=': 'equals',
  '==': 'equals',
  is: 'equals',
  in: 'in',
  includes: 'includes',
};

/**
 * What a claim asserts, typed at a prompt: "automation-rate >= 95", "training-records >= 2 million",
 * "model-origin in in-house, fine-tuned", "trains-models = yes", "data-provenance includes licensed".
 */
export function parseAssertion(text: string, index: QuestionnaireIndex): Parsed<Assertion> {
  const match = ASSERTION.exec(text.trim());
  if (!match) return { ok: false, message: 'write a question id, a test and a value, e.g. automation-rate >= 95' };
  const [, id, symbol, raw] = match as unknown as [string, string, string, string];
  const question = index.byId.get(id)?.question;
  if (!question) return { ok: false, message: `no question "${id}" (aiclaim questionnaire show lists them)` };
  const op = OPERATOR[symbol.toLowerCase()]!;
  const option = (v: string): Parsed<string> => {
    if (question.type !== 'choice' && question.type !== 'multi') return { ok: false, message: `"${id}" has no options` };
    const found = question.options.find((o) => o.value === v.trim() || o.label.toLowerCase() === v.trim().toLowerCase());
    return found
      ? { ok: true, value: found.value }
      : { ok: false, message: `"${v.trim()}" is not an option of ${id}: ${question.options.map((o) => o.value).join(', ')}` };
  };
  if (op === 'gte' || op === 'lte' || op === 'gt' || op === 'lt' || (op === 'equals' && question.type === 'number')) {
    if (question.type !== 'number') return { ok: false, message: `${id} is not a number question: use = or in` };
    const n = parseHumanNumber(raw);
    return n.ok ? { ok: true, value: { question: id, [op]: n.value } } : n;
  }
  if (op === 'includes') {
    if (question.type !== 'multi') return { ok: false, message: `${id} is not a multiple-choice question: use = or in` };
    const v = option(raw);
    return v.ok ? { ok: true, value: { question: id, includes: v.value } } : v;
  }
  if (question.type === 'boolean') {
    const yes = /^(yes|y|true)$/i.test(raw.trim());
    if (!yes && !/^(no|n|false)$/i.test(raw.trim())) return { ok: false, message: `${id} is a yes/no question: write ${id} = yes or ${id} = no` };
    return { ok: true, value: { question: id, equals: yes } };
  }
  if (question.type !== 'choice')
    return { ok: false, message: `${id} is a ${question.type} question: claims can be tested against yes/no, choice and number questions` };
  const values = (op === 'in' ? raw.split(',') : [raw]).map(option);
  const bad = values.find((v) => !v.ok);
  if (bad && !bad.ok) return bad;
  const chosen = values.map((v) => (v as { value: string }).value);
  return { ok: true, value: op === 'in' ? { question: id, in: chosen } : { question: id, equals: chosen[0]! } };
}
