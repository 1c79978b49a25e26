import { parseAssertion, parseDateAnswer, parseQuarterAnswer, parseSlug, suggestSlug } from '../core/interview/parse-answer.js';
import type { QuestionnaireIndex } from '../core/questionnaire-index.js';
import { addQuarters, comparePeriods } from '../core/period.js';
import type { Assertion, Claim, Commitment } from '../core/schema/vendor.js';
import type { Prompter } from './prompter.js';
import { MAX_NAME_LENGTH, MAX_REFERENCE_LENGTH } from '../core/schema/limits.js';
import { terminalText } from '../render/terminal-text.js';

// The vendor's claims and roadmap: lists kept at the top of its file, reviewed and added to.

const quarter = (options: { after?: string; notAfter?: string } = {}) => (text: string) => {
  const parsed = parseQuarterAnswer(text);
  if (!parsed.ok) return parsed.message;
  if (options.after && comparePeriods(parsed.value, options.after) <= 0) return `must be after ${options.after}`;
  if (options.notAfter && comparePeriods(parsed.value, options.notAfter) > 0) return `cannot be later than ${options.notAfter}`;
  return true;
};

/** A quarter the prompt has already validated. */
function quarterOf(text: string): string {
  const parsed = parseQuarterAnswer(text);
  if (!parsed.ok) throw new Error(`unvalidated quarter: ${text}`);
  return parsed.value;
}

/** `save`: called with the list after each claim, so that Ctrl-C in the next one loses nothing. */
export async function askClaims(claims: readonly Claim[], today: string, index: QuestionnaireIndex, prompter: Prompter, save: (claims: Claim[]) => Promise<void> = async () => {}): Promise<Claim[]> {
  const out = [...claims];
  if (out.length) prompter.note(out.map((c, i) => `  ${i + 1}. "${terminalText(c.text)}"${c.source ? ` (${terminalText(c.source)})` : ''}${c.asserts ? ` asserts ${c.asserts.length}` : ''}`).join('\n'));
  while (await prompter.confirm(out.length ? `${out.length} claim${out.length === 1 ? '' : 's'} recorded. Add another?` : 'Add a claim?', { default: out.length === 0 })) {
    const text = await prompter.input('The claim, word for word', { validate: (t) => (t.trim() ? true : 'type the claim') });
    const source = await prompter.input('Where it was made: URL or document (Enter to leave out)', { maxLength: MAX_REFERENCE_LENGTH });
    const date = await prompter.input('When it was made (YYYY-MM-DD)', { default: today, validate: (t) => ((r) => (!r.ok ? r.message : r.value > today ? `${r.value} is after today (${today}): a claim is dated when it was made` : true))(parseDateAnswer(t)) });
    const asserts = await askAssertions(index, prompter);
    out.push({ text: text.trim(), ...(source.trim() ? { source: source.trim() } : {}), date: date.trim(), ...(asserts.length ? { asserts } : {}) });
    await save([...out]);
  }
  return out;
}

/** What a claim asserts, one test at a time, so that aiclaim can check it against the answers. */
async function askAssertions(index: QuestionnaireIndex, prompter: Prompter): Promise<Assertion[]> {
  const asserts: Assertion[] = [];
  for (;;) {
    const text = await prompter.input(`What does it assert? e.g. automation-rate >= 95, model-origin in in-house (Enter ${asserts.length ? 'when done' : 'if nothing checkable'})`, {
      validate: (t) => (t.trim() === '' ? true : ((r) => (r.ok ? true : r.message))(parseAssertion(t, index))),
    });
    if (text.trim() === '') return asserts;
    const parsed = parseAssertion(text, index);
    if (parsed.ok) asserts.push(parsed.value);
  }
}

/** Commitments whose quarter has come and that still need a status: asked about one by one. */
export function dueCommitments(roadmap: readonly Commitment[], period: string): Commitment[] {
  return roadmap.filter((c) => (c.status === 'planned' && comparePeriods(c.due, period) <= 0) || (c.status === 'slipped' && c.revisedDue !== undefined && comparePeriods(c.revisedDue, period) <= 0));
}

type Outcome = 'delivered' | 'slipped' | 'dropped' | 'on-track' | 'skip';

/** `asked`: the commitment was added just now, already due: its status has never been asked. */
export async function reviewCommitment(c: Commitment, period: string, prompter: Prompter, options: { asked?: boolean } = {}): Promise<Commitment> {
  const promisedFor = c.status === 'slipped' ? c.revisedDue! : c.due;
  const stillThisQuarter = comparePeriods(promisedFor, period) === 0;
  // Nothing is recorded unless chosen: the default (Enter) leaves the commitment as it stands.
  const outcome = await prompter.select<Outcome>(`"${terminalText(c.title)}" was due ${promisedFor}${c.status === 'slipped' ? ` (first due ${c.due})` : ''}. Where does it stand?`, [
    { name: options.asked ? 'Not known yet: ask again next time' : 'Unchanged: ask again next time', value: 'skip' },
    { name: 'Delivered', value: 'delivered' },
    { name: 'Slipped to a later quarter', value: 'slipped' },
    { name: 'Dropped', value: 'dropped' },
    ...(stillThisQuarter ? [{ name: `Still on track for ${period}`, value: 'on-track' as const }] : []),
  ], { default: 'skip' });
  const rest = { ...c };
  delete rest.deliveredIn;
  switch (outcome) {
    case 'delivered': {
      const when = await prompter.input('Delivered in which quarter? (YYYY-Qn)', { default: period, validate: quarter({ notAfter: period }) });
      return { ...c, status: 'delivered', deliveredIn: quarterOf(when) };
    }
    case 'slipped': {
      // Later than it was due, and not a quarter already past: a slip is to a quarter still ahead.
      const after = comparePeriods(promisedFor, addQuarters(period, -1)) > 0 ? promisedFor : addQuarters(period, -1);
      const when = await prompter.input('Now promised for which quarter? (YYYY-Qn)', { default: addQuarters(period, 1), validate: quarter({ after }) });
      return { ...rest, status: 'slipped', revisedDue: quarterOf(when) };
    }
    case 'dropped':
      return { ...rest, status: 'dropped' };
    default:
      return c;
  }
}

/** `save`: called with the list after each commitment. One added already due is asked its status at once. */
export async function addCommitments(roadmap: readonly Commitment[], period: string, prompter: Prompter, save: (roadmap: Commitment[]) => Promise<void> = async () => {}): Promise<Commitment[]> {
  const out = [...roadmap];
  if (out.length) prompter.note(out.map((c) => `  ${terminalText(c.id)}: ${terminalText(c.title)} — due ${c.due}, ${c.status}${c.revisedDue ? ` to ${c.revisedDue}` : ''}${c.deliveredIn ? ` in ${c.deliveredIn}` : ''}`).join('\n'));
  while (await prompter.confirm(out.length ? 'Add a new roadmap commitment?' : 'Add a roadmap commitment?', { default: false })) {
    const title = await prompter.input('What was promised?', { maxLength: MAX_NAME_LENGTH, validate: (t) => (t.trim() ? true : 'describe the commitment') });
    const ids = new Set(out.map((c) => c.id));
    let suggestion = suggestSlug(title);
    for (let n = 2; ids.has(suggestion); n++) suggestion = `${suggestSlug(title).slice(0, 60)}-${n}`;
    const id = await prompter.input('A short id for it', { default: suggestion, validate: (t) => ((r) => (!r.ok ? r.message : ids.has(r.value) ? 'that id is taken' : true))(parseSlug(t)) });
    const promised = await prompter.input('Promised in which quarter? (YYYY-Qn)', { default: period, validate: quarter({ notAfter: period }) });
    const p = quarterOf(promised);
    const due = await prompter.input('Due in which quarter? (YYYY-Qn)', { default: addQuarters(period, 1), validate: (t) => ((r) => (r.ok && comparePeriods(r.value, p) < 0 ? `cannot be before it was promised (${p})` : quarter()(t)))(parseQuarterAnswer(t)) });
    const added: Commitment = { id: id.trim(), title: title.trim(), promised: p, due: quarterOf(due), status: 'planned' };
    out.push(added);
    await save([...out]);
    // Due this quarter or before: planned would read as slipped. Where it stands is asked now.
    if (comparePeriods(added.due, period) <= 0) {
      out[out.length - 1] = await reviewCommitment(added, period, prompter, { asked: true });
      await save([...out]);
    }
  }
  return out;
}
