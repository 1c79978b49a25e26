import { parseDateAnswer, parseNumberAnswer, parseQuarterAnswer, type Parsed } from '../core/interview/parse-answer.js';
import { parseEvidenceDate, parseEvidenceRef } from '../core/interview/parse-evidence.js';
import type { ListField, Question } from '../core/schema/questionnaire.js';
import type { Answer, AnswerValue, Evidence } from '../core/schema/vendor.js';
import { formatNumber } from '../core/scoring/format-answer.js';
import { rulePoints } from '../core/scoring/question-rules.js';
import { InterviewCancelled, type Choice, type Prompter } from './prompter.js';
import { MAX_LONG_TEXT_LENGTH, MAX_REFERENCE_LENGTH } from '../core/schema/limits.js';
import { terminalText } from '../render/terminal-text.js';

// One question, asked with the prompt that fits its type. The previous answer is the default.
// Three kinds of missing are kept apart: the vendor will not say (declined, with what it said: a
// finding), not applicable (with the reason), and not asked yet (left for later: no information).

const DECLINED = Symbol('declined');
const LATER = Symbol('not asked yet');
const NA = Symbol('not applicable');
const HELP_KEY = '?';
const DECLINE_KEY = '-';
const LATER_KEY = 'later';
const NA_KEY = 'n/a';
/** Typed at a text prompt: the draft is kept and the interview stops, as Ctrl-C does. */
const QUIT_KEY = 'quit';

type Picked = AnswerValue | typeof DECLINED | typeof LATER | typeof NA;

export interface AskContext {
  prompter: Prompter;
  /** "3/11": the question's place in its section. */
  position: string;
  /** "23 of 53, about 15 min left": where the interview as a whole stands. */
  overall?: string | undefined;
  /** YYYY-MM-DD: no document can bear a later date. */
  today: string;
}

/** The new answer, or undefined when the question is left for later (not asked yet). */
export async function askAnswer(question: Question, previous: Answer | undefined, context: AskContext): Promise<Answer | undefined> {
  const picked = await askValue(question, previous, context);
  if (picked === LATER) return undefined;
  if (picked === DECLINED) {
    const said = await context.prompter.input('What did the vendor say? (its reason or words, kept in the file)', {
      default: previous?.declined,
      validate: (text) => (text.trim().length >= 3 ? true : 'a few words: e.g. "will not disclose data volumes"'),
    });
    return { ...keep(previous, ['note']), declined: said.trim() };
  }
  if (picked === NA) {
    const justification = await context.prompter.input('Why does it not apply? (a sentence, kept in the file)', {
      default: previous?.notApplicable,
      validate: (text) => (text.trim().length >= 10 ? true : 'give a reason of a few words'),
    });
    return { ...keep(previous, ['note']), notApplicable: justification.trim() };
  }
  const valueChanged = previous?.value === undefined || JSON.stringify(previous.value) !== JSON.stringify(picked);
  // Evidence is asked for where it is required, and where it would back points the answer earns.
  const wanted = question.evidence === 'required' || (question.evidence === 'optional' && (question.type === 'list' || rulePoints(question, picked).points > 0));
  const evidence = wanted ? await askEvidence(question, previous?.evidence, context.prompter, context.today) : previous?.evidence;
  return {
    value: picked,
    ...(evidence !== undefined ? { evidence } : {}),
    // The date of a claim stays the day it was first made, unless the answer itself changed.
    ...(!valueChanged && previous?.date ? { date: previous.date } : {}),
    ...keep(previous, ['note']),
  };
}

function keep(previous: Answer | undefined, keys: ('note' | 'date')[]): Partial<Answer> {
  const out: Partial<Answer> = {};
  for (const key of keys) if (previous?.[key] !== undefined) out[key] = previous[key];
  return out;
}

function askValue(question: Question, previous: Answer | undefined, context: AskContext): Promise<Picked> {
  // Texts from the questionnaire, shown one line each (the prompter makes the rest safe).
  const message = `${context.overall ? `[${context.overall}] ` : ''}(${context.position}) ${terminalText(question.text)}`;
  const current: Picked | undefined = previous?.notApplicable !== undefined ? NA : previous?.declined !== undefined ? DECLINED : previous?.value;
  switch (question.type) {
    case 'boolean':
      return askChoice(message, question, [
        { name: 'Yes', value: true },
        { name: 'No', value: false },
      ], current, context);
    case 'choice':
      return askChoice(message, question, question.options.map((o) => ({ name: o.label, value: o.value, description: o.help })), current, context);
    case 'multi':
      return askMulti(message, question, current, context);
    case 'number':
      return askText(`${message} (${question.unit})`, question, typeof current === 'number' ? formatNumber(current).replace(/,/g, '') : current, (text) => parseNumberAnswer(text, question), context);
    case 'date':
      return askText(`${message} (YYYY-MM-DD)`, question, current, parseDateAnswer, context);
    case 'quarter':
      return askText(`${message} (YYYY-Qn)`, question, current, parseQuarterAnswer, context);
    case 'text':
      return askText(message, question, current, (text) => ({ ok: true, value: text.trim() }), context);
    case 'list':
      return askListItems(message, question.fields ?? [], Array.isArray(current) ? (current as Record<string, unknown>[]) : [], context.prompter);
    case 'track-record':
      throw new Error('a track-record question is computed, never asked');
  }
}

async function askChoice(message: string, question: Question, options: Choice<AnswerValue>[], current: Picked | undefined, context: AskContext): Promise<Picked> {
  const help = question.help;
  const choices: Choice<Picked>[] = options.map((o) => ({ ...o, description: [o.description, help].filter(Boolean).join(' — ') || undefined }));
  if (question.notApplicable) choices.push({ name: 'Not applicable (say why)', value: NA, description: help });
  choices.push({ name: 'The vendor will not say (declined)', value: DECLINED, description: 'recorded with what it said: scores zero, and may raise a red flag' });
  choices.push({ name: 'Not asked yet: come back to it later', value: LATER, description: 'no information: out of the score until it is answered' });
  return context.prompter.select(message, choices, { default: current });
}

async function askMulti(message: string, question: Question & { type: 'multi' }, current: Picked | undefined, context: AskContext): Promise<Picked> {
  const chosen = Array.isArray(current) ? current : [];
  const choices: Choice<string | typeof NA | typeof DECLINED>[] = question.options.map((o) => ({ name: o.label, value: o.value, checked: chosen.includes(o.value), description: o.help ?? question.help }));
  if (question.notApplicable) choices.push({ name: 'Not applicable (say why)', value: NA, checked: current === NA, description: question.help });
  choices.push({ name: 'The vendor will not say (declined)', value: DECLINED, checked: current === DECLINED, description: 'recorded with what it said: scores zero, and may raise a red flag' });
  const picked = await context.prompter.checkbox(`${message} (space to tick, enter to confirm; none ticked = not asked yet)`, choices);
  if (picked.includes(DECLINED)) return DECLINED;
  if (picked.includes(NA)) return NA;
  return picked.length === 0 ? LATER : (picked as string[]);
}

async function askText(message: string, question: Question, current: Picked | undefined, parse: (text: string) => Parsed<AnswerValue>, context: AskContext): Promise<Picked> {
  const keys = [`${DECLINE_KEY} if the vendor will not say`, `${LATER_KEY} to ask later`, ...(question.notApplicable ? [`${NA_KEY} if not applicable`] : []), ...(question.help ? [`${HELP_KEY} for help`] : []), `${QUIT_KEY} to save and stop`];
  const defaultText = current === NA ? NA_KEY : current === DECLINED ? DECLINE_KEY : current === undefined || current === LATER ? undefined : String(current);
  for (;;) {
    const text = await context.prompter.input(`${message} [${keys.join(', ')}]`, {
      default: defaultText,
      maxLength: MAX_LONG_TEXT_LENGTH,
      validate: (raw) => {
        const t = raw.trim();
        if (t === HELP_KEY || t === DECLINE_KEY || t.toLowerCase() === LATER_KEY || t.toLowerCase() === QUIT_KEY || (t.toLowerCase() === NA_KEY && question.notApplicable)) return true;
        if (t === '') return `type an answer, ${DECLINE_KEY} if the vendor will not say, or ${LATER_KEY} to ask later`;
        const parsed = parse(t);
        return parsed.ok ? true : parsed.message;
      },
    });
    const t = text.trim();
    if (t.toLowerCase() === QUIT_KEY) throw new InterviewCancelled();
    if (t === HELP_KEY) {
      context.prompter.note(question.help ?? 'No help for this question.');
      continue;
    }
    if (t === DECLINE_KEY) return DECLINED;
    if (t.toLowerCase() === LATER_KEY) return LATER;
    if (t.toLowerCase() === NA_KEY) return NA;
    const parsed = parse(t);
    if (parsed.ok) return parsed.value;
  }
}

/** Items of a list question: the ones recorded are kept, new ones are added one by one. */
async function askListItems(message: string, fields: ListField[], items: Record<string, unknown>[], prompter: Prompter): Promise<Picked> {
  prompter.note(`${message} ${items.length ? `(${items.length} recorded)` : ''}`.trim());
  const out = [...items];
  while (await prompter.confirm(out.length ? 'Add another item?' : 'Add an item?', { default: out.length === 0 })) {
    const item: Record<string, unknown> = {};
    for (const field of fields) {
      const value = await askField(field, prompter);
      if (value !== undefined) item[field.id] = value;
    }
    out.push(item);
  }
  return out.length ? (out as AnswerValue) : LATER;
}

async function askField(field: ListField, prompter: Prompter): Promise<unknown> {
  const text = terminalText(field.text);
  if (field.type === 'boolean') return prompter.confirm(text);
  if (field.type === 'choice' && field.options) return prompter.select(text, field.options.map((o) => ({ name: o.label, value: o.value })));
  const parse: (t: string) => Parsed<unknown> =
    field.type === 'number' ? (t) => parseNumberAnswer(t, { unit: '' }) : field.type === 'date' ? parseDateAnswer : field.type === 'quarter' ? parseQuarterAnswer : (t) => ({ ok: true, value: t.trim() });
  const typed = await prompter.input(`${text}${field.required ? '' : ' (Enter to leave out)'}`, {
    validate: (t) => (t.trim() === '' ? (field.required ? 'required' : true) : ((r) => (r.ok ? true : r.message))(parse(t))),
  });
  if (typed.trim() === '') return undefined;
  const parsed = parse(typed);
  return parsed.ok ? parsed.value : undefined;
}

/** Evidence for an answer: a URL or document reference, and the date the document bears. */
async function askEvidence(question: Question, previous: Evidence | undefined, prompter: Prompter, today: string): Promise<Evidence | undefined> {
  const previousRef = previous === undefined ? undefined : typeof previous === 'string' ? previous : previous.ref;
  const required = question.evidence === 'required';
  const text = await prompter.input(
    // With evidence recorded before, Enter keeps it: the prompt says so, and "none" removes it.
    required ? 'Evidence, a URL or document (required: without it the answer earns half; "none" if none)' : previousRef ? 'Evidence, a URL or document (Enter keeps it; "none" for none)' : 'Evidence, a URL or document (Enter for none)',
    {
      default: previousRef,
      maxLength: MAX_REFERENCE_LENGTH,
      // What is not evidence (`?`, `https://`, `javascript:…`) is refused here, not saved to earn points.
      validate: (t) => (t.trim() === '' || t.trim().toLowerCase() === 'none' || t.trim() === previousRef ? true : ((r) => (r.ok ? true : r.message))(parseEvidenceRef(t))),
    },
  );
  const ref = text.trim();
  if (ref === '' || ref.toLowerCase() === 'none') return undefined;
  if (ref === previousRef) return previous;
  const date = await prompter.input('Date the document bears (YYYY-MM-DD; Enter if unknown)', {
    validate: (t) => (t.trim() === '' ? true : ((r) => (r.ok ? true : r.message))(parseEvidenceDate(t, today))),
  });
  return date.trim() ? { ref, date: date.trim() } : ref;
}
