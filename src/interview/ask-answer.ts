import { parseDateAnswer, parseNumberAnswer, parseQuarterAnswer, type Parsed } from '../core/interview/parse-answer.js';
import { parseEvidenceDate, parseEvidenceRef } from '../core/interview/parse-evidence.js';
import type { ListField, Question } from '../core/schema/questionnaire.js';
import type { Answer, AnswerValue, Evidence } from '../core/schema/vendor.js';
import { formatNumber } from '../core/scoring/format-answer.js';
import { rulePoints } from '../core/scoring/question-rules.js';
import { impossibleAnswer } from '../core/validate/impossible-answer.js';
import { BACK, BACK_CHOICE, moved, QUIT, QUIT_CHOICE, type Move } from './moves.js';
import { GoBack, InterviewCancelled, type Choice, type Prompter } from './prompter.js';
import { MAX_LONG_TEXT_LENGTH, MAX_REFERENCE_LENGTH } from '../core/schema/limits.js';
import { terminalText } from '../render/terminal-text.js';

// One question, asked with the prompt that fits its type. The previous answer is the default.
// Three kinds of missing are kept apart: the vendor will not say (declined, with what it said: a
// finding), not applicable (with the reason), and not asked yet (left for later: no information).
// Every prompt also offers the way back to the previous question, a note, and save-and-stop.

const DECLINED = Symbol('declined');
const LATER = Symbol('not asked yet');
const NA = Symbol('not applicable');
const NOTE = Symbol('note');
/** From the evidence prompt: the question again, to change the answer. */
const AGAIN = Symbol('again');
const HELP_KEY = '?';
const DECLINE_KEY = '-';
const LATER_KEY = 'later';
const NA_KEY = 'n/a';
const NOTE_KEY = 'note';
const BACK_KEY = 'back';
/** Typed at a text prompt, or chosen in a list: the draft is kept and the interview stops. */
const QUIT_KEY = 'quit';

type Picked = AnswerValue | typeof DECLINED | typeof LATER | typeof NA;
type Asked = Picked | typeof NOTE;

/** Who answers for the vendor now, when several do: each answer records who gave it. */
export interface Answering {
  respondents: readonly string[];
  current?: string | undefined;
}

export interface AskContext {
  prompter: Prompter;
  /** "3/11": the question's place in its section. */
  position: string;
  /** "23 of 53, about 15 min left": where the interview as a whole stands. */
  overall?: string | undefined;
  /** YYYY-MM-DD: no document can bear a later date. */
  today: string;
  /** Who answers the question: the vendor, or the team buying (no decline to offer then). */
  askedOf?: 'vendor' | 'team' | undefined;
  /** The people answering for the vendor, when more than one: the answer records which. */
  answering?: Answering | undefined;
  /** The date the vendor's claims in this interview bear (the interview's): late evidence is said. */
  claimDate?: string | undefined;
  /** Keeps the value chosen before its evidence is asked: Ctrl-C there loses none of it. */
  save?: ((answer: Answer) => Promise<void>) | undefined;
}

/**
 * The new answer, or undefined when the question is left for later (not asked yet).
 * Throws GoBack for the previous question, InterviewCancelled to stop.
 */
export async function askAnswer(question: Question, previous: Answer | undefined, context: AskContext): Promise<Answer | undefined> {
  let note = previous?.note;
  let current: Picked | undefined = previous?.notApplicable !== undefined ? NA : previous?.declined !== undefined ? DECLINED : previous?.value;
  for (;;) {
    const picked = await askValue(question, current, context);
    if (picked === NOTE) {
      note = await askNote(note, context);
      continue;
    }
    const extra = { ...(note !== undefined ? { note } : {}), ...by(context) };
    if (picked === LATER) {
      if (note !== undefined && note !== previous?.note)
        context.prompter.note('The note is not kept: a note belongs to an answer, and this question is left for later.');
      return undefined;
    }
    if (picked === DECLINED) {
      const said = await context.prompter.input('What did the vendor say? (its reason or words, kept in the file)', {
        default: previous?.declined,
        validate: (text) => (text.trim().length >= 3 ? true : 'a few words: e.g. "will not disclose data volumes"'),
      });
      return { declined: said.trim(), ...extra };
    }
    if (picked === NA) {
      const justification = await context.prompter.input('Why does it not apply? (a sentence, kept in the file)', {
        default: previous?.notApplicable,
        validate: (text) => (text.trim().length >= 10 ? true : 'give a reason of a few words'),
      });
      return { notApplicable: justification.trim(), ...extra };
    }
    const valueChanged = previous?.value === undefined || JSON.stringify(previous.value) !== JSON.stringify(picked);
    // The date of a claim stays the day it was first made, unless the answer itself changed.
    const date = !valueChanged && previous?.date ? previous.date : undefined;
    const answer = (evidence: Evidence | undefined): Answer => ({
      value: picked,
      ...(evidence !== undefined ? { evidence } : {}),
      ...(date ? { date } : {}),
      ...extra,
    });
    // Evidence is asked for where it is required, and where it would back points the answer earns.
    const wanted =
      question.evidence === 'required' || (question.evidence === 'optional' && (question.type === 'list' || rulePoints(question, picked).points > 0));
    if (!wanted) return answer(previous?.evidence);
    await context.save?.(answer(previous?.evidence));
    const evidence = await askEvidence(question, previous?.evidence, context, date ?? context.claimDate);
    if (evidence !== AGAIN) return answer(evidence);
    // Back from the evidence: the question itself again, with what was just chosen.
    current = picked;
  }
}

function by(context: AskContext): Partial<Answer> {
  const answering = context.answering;
  return answering && answering.respondents.length > 1 && answering.current ? { by: answering.current } : {};
}

/** A note for the answer; and, when several people answer for the vendor, which of them gave it. */
async function askNote(note: string | undefined, context: AskContext): Promise<string | undefined> {
  const typed = await context.prompter.input(
    `A note for this answer, kept in the file${note !== undefined ? ' (Enter keeps it; "none" removes it)' : ' (Enter for none)'}`,
    {
      default: note,
      maxLength: MAX_LONG_TEXT_LENGTH,
    },
  );
  const answering = context.answering;
  if (answering && answering.respondents.length > 1) {
    answering.current = await context.prompter.select(
      'Who gave this answer? (the following answers are theirs too, until you say otherwise)',
      answering.respondents.map((name) => ({ name: terminalText(name), value: name })),
      { default: answering.current },
    );
  }
  const text = typed.trim();
  return text === '' || text.toLowerCase() === 'none' ? undefined : text;
}

/** "[question 23 of 53, about 15 min left] (5/12) The question?": how every question is announced. */
export function questionHeading(question: Question, position: string, overall?: string): string {
  // Texts from the questionnaire, shown one line each (the prompter makes the rest safe).
  return `${overall ? `[${overall}] ` : ''}(${position}) ${terminalText(question.text)}`;
}

function askValue(question: Question, current: Picked | undefined, context: AskContext): Promise<Asked> {
  const message = questionHeading(question, context.position, context.overall);
  switch (question.type) {
    case 'boolean':
      return askChoice(
        message,
        question,
        [
          { name: 'Yes', value: true },
          { name: 'No', value: false },
        ],
        current,
        context,
      );
    case 'choice':
      return askChoice(
        message,
        question,
        question.options.map((o) => ({ name: o.label, value: o.value, description: o.help })),
        current,
        context,
      );
    case 'multi':
      return askMulti(message, question, current, context);
    case 'number':
      return askText(
        `${message} (${question.unit})`,
        question,
        typeof current === 'number' ? formatNumber(current).replace(/,/g, '') : current,
        (text) => parseNumberAnswer(text, question),
        context,
      );
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

/** The vendor's own "will not say" is offered once: the question's option for it, or the generic one. */
function offersDecline(question: Question, context: AskContext): boolean {
  if (context.askedOf === 'team') return false;
  return !((question.type === 'choice' || question.type === 'multi') && question.options.some((o) => o.declines));
}

/** What every list prompt offers after the answers: a note, the previous question, save and stop. */
function moves(context: AskContext): Choice<typeof NOTE | Move>[] {
  const several = (context.answering?.respondents.length ?? 0) > 1;
  return [
    {
      name: several ? 'Add a note, or say who answered…' : 'Add a note…',
      value: NOTE,
      description: 'kept with the answer in the file; then the question again',
    },
    BACK_CHOICE,
    QUIT_CHOICE,
  ];
}

async function askChoice(
  message: string,
  question: Question,
  options: Choice<AnswerValue>[],
  current: Picked | undefined,
  context: AskContext,
): Promise<Asked> {
  const help = question.help;
  const choices: Choice<Picked | typeof NOTE | Move>[] = options.map((o) => ({
    ...o,
    description: [o.description, help].filter(Boolean).join(' — ') || undefined,
  }));
  if (question.notApplicable) choices.push({ name: 'Not applicable (say why)', value: NA, description: help });
  if (offersDecline(question, context))
    choices.push({
      name: 'The vendor will not say (declined)',
      value: DECLINED,
      description: 'recorded with what it said: scores zero, and may raise a red flag',
    });
  choices.push({
    name: context.askedOf === 'team' ? 'Not known yet: come back to it later' : 'Not asked yet: come back to it later',
    value: LATER,
    description: 'no information: out of the score until it is answered',
  });
  choices.push(...moves(context));
  return moved(await context.prompter.select(message, choices, { default: current }));
}

async function askMulti(message: string, question: Question & { type: 'multi' }, current: Picked | undefined, context: AskContext): Promise<Asked> {
  let ticked: readonly unknown[] = Array.isArray(current) ? current : current === undefined ? [] : [current];
  for (;;) {
    const choices: Choice<string | typeof NA | typeof DECLINED | typeof NOTE | Move>[] = question.options.map((o) => ({
      name: o.label,
      value: o.value,
      checked: ticked.includes(o.value),
      description: o.help ?? question.help,
    }));
    if (question.notApplicable) choices.push({ name: 'Not applicable (say why)', value: NA, checked: ticked.includes(NA), description: question.help });
    if (offersDecline(question, context))
      choices.push({
        name: 'The vendor will not say (declined)',
        value: DECLINED,
        checked: ticked.includes(DECLINED),
        description: 'recorded with what it said: scores zero, and may raise a red flag',
      });
    choices.push(...moves(context));
    const picked = await context.prompter.checkbox(`${message} (space to tick, enter to confirm; none ticked = not asked yet)`, choices);
    if (picked.includes(QUIT)) throw new InterviewCancelled('quit');
    if (picked.includes(BACK)) throw new GoBack();
    if (picked.includes(NOTE)) return NOTE;
    if (picked.includes(DECLINED)) return DECLINED;
    if (picked.includes(NA)) return NA;
    if (picked.length === 0) return LATER;
    const values = picked as string[];
    // "None" with certificates, and the like: said, and asked again with the ticks kept.
    const impossible = impossibleAnswer(question, values, context.today);
    if (impossible === undefined) return values;
    context.prompter.note(impossible);
    ticked = values;
  }
}

async function askText(
  message: string,
  question: Question,
  current: Picked | undefined,
  parse: (text: string) => Parsed<AnswerValue>,
  context: AskContext,
): Promise<Asked> {
  const decline = offersDecline(question, context);
  const keys = [
    ...(decline ? [`${DECLINE_KEY} if the vendor will not say`] : []),
    `${LATER_KEY} to ask later`,
    ...(question.notApplicable ? [`${NA_KEY} if not applicable`] : []),
    ...(question.help ? [`${HELP_KEY} for help`] : []),
  ];
  // The moves every prompt has, named once in short: note, back to the previous question, save and stop.
  const moves = `${NOTE_KEY}, ${BACK_KEY}, ${QUIT_KEY}`;
  const defaultText = current === NA ? NA_KEY : current === DECLINED ? DECLINE_KEY : current === undefined || current === LATER ? undefined : String(current);
  const key = (t: string): string | undefined => {
    const lower = t.toLowerCase();
    if (t === HELP_KEY || (t === DECLINE_KEY && decline)) return t;
    if (lower === LATER_KEY || lower === QUIT_KEY || lower === NOTE_KEY || lower === BACK_KEY || (lower === NA_KEY && question.notApplicable)) return lower;
    return undefined;
  };
  const valueOf = (t: string): Parsed<AnswerValue> => {
    const parsed = parse(t);
    if (!parsed.ok) return parsed;
    const impossible = impossibleAnswer(question, parsed.value, context.today);
    return impossible === undefined ? parsed : { ok: false, message: impossible };
  };
  for (;;) {
    const text = await context.prompter.input(`${message} [${keys.join(', ')}; ${moves}]`, {
      default: defaultText,
      maxLength: MAX_LONG_TEXT_LENGTH,
      validate: (raw) => {
        const t = raw.trim();
        if (key(t) !== undefined) return true;
        if (t === '') return `type an answer${decline ? `, ${DECLINE_KEY} if the vendor will not say,` : ''} or ${LATER_KEY} to ask later`;
        const parsed = valueOf(t);
        return parsed.ok ? true : parsed.message;
      },
    });
    const t = text.trim();
    switch (key(t)) {
      case QUIT_KEY:
        throw new InterviewCancelled('quit');
      case BACK_KEY:
        throw new GoBack();
      case NOTE_KEY:
        return NOTE;
      case HELP_KEY:
        context.prompter.note(question.help ?? 'No help for this question.');
        continue;
      case DECLINE_KEY:
        return DECLINED;
      case LATER_KEY:
        return LATER;
      case NA_KEY:
        return NA;
    }
    const parsed = valueOf(t);
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
  if (field.type === 'choice' && field.options)
    return prompter.select(
      text,
      field.options.map((o) => ({ name: o.label, value: o.value })),
    );
  const parse: (t: string) => Parsed<unknown> =
    field.type === 'number'
      ? (t) => parseNumberAnswer(t, { unit: '' })
      : field.type === 'date'
        ? parseDateAnswer
        : field.type === 'quarter'
          ? parseQuarterAnswer
          : (t) => ({ ok: true, value: t.trim() });
  const typed = await prompter.input(`${text}${field.required ? '' : ' (Enter to leave out)'}`, {
    validate: (t) => (t.trim() === '' ? (field.required ? 'required' : true) : ((r) => (r.ok ? true : r.message))(parse(t))),
  });
  if (typed.trim() === '') return undefined;
  const parsed = parse(typed);
  return parsed.ok ? parsed.value : undefined;
}

/**
 * Evidence for an answer: a URL or document reference, and the date the document bears; AGAIN for
 * the question again. `claimDate`: evidence dated after it does not back the claim, and is said so.
 */
async function askEvidence(
  question: Question,
  previous: Evidence | undefined,
  context: AskContext,
  claimDate: string | undefined,
): Promise<Evidence | undefined | typeof AGAIN> {
  const { prompter, today } = context;
  const previousRef = previous === undefined ? undefined : typeof previous === 'string' ? previous : previous.ref;
  const required = question.evidence === 'required';
  const text = await prompter.input(
    // With evidence recorded before, Enter keeps it: the prompt says so, and "none" removes it.
    `${required ? 'Evidence, a URL or document (required: without it the answer earns half; "none" if none' : previousRef ? 'Evidence, a URL or document (Enter keeps it; "none" for none' : 'Evidence, a URL or document (Enter for none'}; ${BACK_KEY} to change the answer)`,
    {
      default: previousRef,
      maxLength: MAX_REFERENCE_LENGTH,
      // What is not evidence (`?`, `https://`, `javascript:…`) is refused here, not saved to earn points.
      validate: (t) => {
        const ref = t.trim();
        if (ref === '' || ref.toLowerCase() === 'none' || ref.toLowerCase() === BACK_KEY || ref === previousRef) return true;
        const parsed = parseEvidenceRef(t);
        return parsed.ok ? true : parsed.message;
      },
    },
  );
  const ref = text.trim();
  if (ref.toLowerCase() === BACK_KEY) return AGAIN;
  if (ref === '' || ref.toLowerCase() === 'none') return undefined;
  if (ref === previousRef) return previous;
  const date = await prompter.input('Date the document bears (YYYY-MM-DD; Enter if unknown)', {
    validate: (t) => (t.trim() === '' ? true : ((r) => (r.ok ? true : r.message))(parseEvidenceDate(t, today))),
  });
  const dated = date.trim();
  if (dated && claimDate && dated > claimDate) {
    prompter.note(
      `Dated ${dated}, after the claim it should back (${claimDate}): this evidence will not count for the answer. Evidence that existed when the claim was made does.`,
    );
  }
  return dated ? { ref, date: dated } : ref;
}
