import { parseAssertion, parseDateAnswer } from '../core/interview/parse-answer.js';
import type { QuestionnaireIndex } from '../core/questionnaire-index.js';
import type { Assertion, Claim } from '../core/schema/vendor.js';
import { MAX_REFERENCE_LENGTH } from '../core/schema/limits.js';
import { shorten } from '../core/shorten.js';
import { terminalText } from '../render/terminal-text.js';
import { BACK_CHOICE, moved, QUIT_CHOICE, type Move } from './moves.js';
import type { Prompter } from './prompter.js';

// The vendor's claims, kept at the top of its file: added, changed and deleted one by one.

const ADD = 'add';
const DONE = 'done';

/** `save`: called with the list after each change, so that Ctrl-C in the next prompt loses nothing. */
export async function editClaims(
  claims: readonly Claim[],
  today: string,
  index: QuestionnaireIndex,
  prompter: Prompter,
  save: (claims: Claim[]) => Promise<void> = async () => {},
): Promise<Claim[]> {
  const out = [...claims];
  for (;;) {
    const n = out.length;
    const picked = moved(
      await prompter.select<typeof ADD | typeof DONE | number | Move>(
        n ? `${n} claim${n === 1 ? '' : 's'} recorded. Add another, change or delete one, or go on?` : 'Add a claim? (none recorded yet)',
        [
          { name: n ? 'Add another claim' : 'Add a claim', value: ADD },
          ...out.map((c, i) => ({
            name: `Change or delete ${i + 1}. "${terminalText(shorten(c.text, 60))}"${c.asserts ? ` (asserts ${c.asserts.length})` : ''}`,
            value: i,
          })),
          { name: n ? 'Done with the claims' : 'No claim to record: go on', value: DONE },
          BACK_CHOICE,
          QUIT_CHOICE,
        ],
        { default: n ? DONE : ADD },
      ),
    );
    if (picked === DONE) return out;
    if (picked === ADD) out.push(await askClaim(undefined, today, index, prompter));
    else if (!(await changeClaim(out, picked, today, index, prompter))) continue;
    await save([...out]);
  }
}

/** Changes or deletes claim `i` of `claims` in place; false when it is kept as it is. */
async function changeClaim(claims: Claim[], i: number, today: string, index: QuestionnaireIndex, prompter: Prompter): Promise<boolean> {
  const claim = claims[i]!;
  const action = await prompter.select<'change' | 'delete' | 'keep'>(
    `Claim ${i + 1}: "${terminalText(shorten(claim.text, 120))}"`,
    [
      { name: 'Keep it as it is', value: 'keep' },
      { name: 'Change it', value: 'change' },
      { name: 'Delete it', value: 'delete', description: 'for a claim the vendor no longer makes, or one recorded by mistake' },
    ],
    { default: 'keep' },
  );
  if (action === 'keep') return false;
  if (action === 'change') {
    claims[i] = await askClaim(claim, today, index, prompter);
    return true;
  }
  if (!(await prompter.confirm(`Delete claim ${i + 1}? It leaves the vendor file, and the findings from now on.`, { default: false }))) return false;
  claims.splice(i, 1);
  return true;
}

/** One claim, asked field by field; a claim being changed offers what it holds. */
async function askClaim(previous: Claim | undefined, today: string, index: QuestionnaireIndex, prompter: Prompter): Promise<Claim> {
  const text = await prompter.input('The claim, word for word', { default: previous?.text, validate: (t) => (t.trim() ? true : 'type the claim') });
  const source = await prompter.input(`Where it was made: URL or document (Enter ${previous?.source ? 'keeps it; "none" for none' : 'to leave out'})`, {
    default: previous?.source,
    maxLength: MAX_REFERENCE_LENGTH,
  });
  const date = await prompter.input('When it was made (YYYY-MM-DD)', {
    default: previous?.date ?? today,
    validate: (t) =>
      ((r) => (!r.ok ? r.message : r.value > today ? `${r.value} is after today (${today}): a claim is dated when it was made` : true))(parseDateAnswer(t)),
  });
  const kept =
    previous?.asserts?.length && (await prompter.confirm(`It asserts: ${previous.asserts.map(assertionText).join('; ')}. Keep that?`, { default: true }));
  const asserts = kept ? previous!.asserts! : await askAssertions(index, prompter);
  const where = source.trim().toLowerCase() === 'none' ? '' : source.trim();
  const rest: Partial<Claim> = { ...previous };
  delete rest.source;
  delete rest.asserts;
  return { ...rest, text: text.trim(), ...(where ? { source: where } : {}), date: date.trim(), ...(asserts.length ? { asserts } : {}) };
}

function assertionText(a: Assertion): string {
  const op = (['equals', 'in', 'gt', 'gte', 'lt', 'lte', 'includes'] as const).find((o) => a[o] !== undefined)!;
  const symbol = { equals: '=', in: 'in', gt: '>', gte: '>=', lt: '<', lte: '<=', includes: 'includes' }[op];
  const value = a[op];
  return terminalText(`${a.question} ${symbol} ${Array.isArray(value) ? value.join(', ') : String(value)}`);
}

/** What a claim asserts, one test at a time, so that aiclaim can check it against the answers. */
async function askAssertions(index: QuestionnaireIndex, prompter: Prompter): Promise<Assertion[]> {
  const asserts: Assertion[] = [];
  for (;;) {
    const text = await prompter.input(
      `What does it assert? e.g. automation-rate >= 95, model-origin in in-house (Enter ${asserts.length ? 'when done' : 'if nothing checkable'})`,
      {
        validate: (t) => (t.trim() === '' ? true : ((r) => (r.ok ? true : r.message))(parseAssertion(t, index))),
      },
    );
    if (text.trim() === '') return asserts;
    const parsed = parseAssertion(text, index);
    if (parsed.ok) asserts.push(parsed.value);
  }
}
