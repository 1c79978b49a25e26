import { amountReading, parseAmount } from '../core/interview/parse-amount.js';
import { parseDateAnswer, parseSlug, suggestSlug } from '../core/interview/parse-answer.js';
import { MARTECH_CATEGORIES } from '../core/martech-categories.js';
import type { Vendor } from '../core/schema/vendor.js';
import type { Prompter } from './prompter.js';
import { MAX_AMOUNT, MAX_NAME_LENGTH } from '../core/schema/limits.js';
import { shorten } from '../core/shorten.js';
import { terminalText } from '../render/terminal-text.js';

// Who the vendor is, asked once for a new vendor: name, id, category, spend, renewal.

export interface VendorChoice {
  id: string;
  name: string;
  /** Why the file cannot be read as it is (choosing it says so in full). */
  problem?: string | undefined;
}

/** An unfinished interview: its vendor and how much it holds. */
export interface DraftChoice extends VendorChoice {
  answered: number;
}

export const NEW_VENDOR = '\u0000new';

/** An unfinished interview, an existing vendor from the list, or NEW_VENDOR. Unfinished ones come first. */
export async function chooseVendor(vendors: readonly VendorChoice[], drafts: readonly DraftChoice[], prompter: Prompter): Promise<string> {
  const unfinished = new Set(drafts.map((d) => d.id));
  return prompter.select('Which vendor?', [
    ...drafts.map((d) => ({
      name: terminalText(
        d.problem === undefined
          ? `Resume ${d.name} (${d.id}): unfinished, ${d.answered} answer${d.answered === 1 ? '' : 's'}`
          : `${d.id}: an unfinished interview that cannot be resumed (${shorten(d.problem, 80)})`,
      ),
      value: d.id,
    })),
    { name: 'A new vendor…', value: NEW_VENDOR },
    ...vendors
      .filter((v) => !unfinished.has(v.id))
      .map((v) => ({
        name: terminalText(v.problem === undefined ? `${v.name} (${v.id})` : `${v.id}: a vendor file with errors (${shorten(v.problem, 80)})`),
        value: v.id,
      })),
  ]);
}

const validDate = (text: string) => (text.trim() === '' ? true : ((r) => (r.ok ? true : r.message))(parseDateAnswer(text)));

/** `taken`: ids that may not be used, each with the reason to give. */
/** `defaults`: a profile to offer (a vendor's own filled-in file), each field its prompt's default. */
export async function askProfile(
  prompter: Prompter,
  options: { id?: string | undefined; taken: ReadonlyMap<string, string>; currency: string; defaults?: Vendor | undefined },
): Promise<Vendor> {
  const given = options.defaults;
  const name = (
    await prompter.input('Vendor name', { default: given?.name, maxLength: MAX_NAME_LENGTH, validate: (t) => (t.trim() ? true : 'type the vendor name') })
  ).trim();
  const id =
    options.id ??
    (
      await prompter.input('Vendor id (the file will be vendors/<id>.yaml)', {
        default: suggestSlug(name),
        validate: (t) => ((r) => (!r.ok ? r.message : (options.taken.get(r.value) ?? true)))(parseSlug(t)),
      })
    ).trim();
  const product = (await prompter.input('Product (Enter to leave out)', { default: given?.product, maxLength: MAX_NAME_LENGTH })).trim();
  const category = await prompter.select(
    'Martech category',
    MARTECH_CATEGORIES.map((c) => ({ name: c.label, value: c.id })),
    { default: given?.category },
  );
  // A spend in another currency is not offered: it would be recorded in this one.
  const spend = await askSpend(prompter, options.currency, given?.spend?.currency === options.currency ? given.spend.amount : undefined);
  const renewal = (await prompter.input('Contract renewal date (YYYY-MM-DD, Enter to leave out)', { default: given?.renewal, validate: validDate })).trim();
  const owner = (await prompter.input('Owner on your side (Enter to leave out)', { default: given?.owner, maxLength: MAX_NAME_LENGTH })).trim();
  return {
    schema: 'aiclaim/vendor@1',
    id,
    name,
    ...(product ? { product } : {}),
    category,
    ...(owner ? { owner } : {}),
    ...(spend !== undefined ? { spend: { amount: spend, currency: options.currency } } : {}),
    ...(renewal ? { renewal } : {}),
    answers: {},
  } as Vendor;
}

/** The annual spend, read as the workspace's currency writes amounts; where two readings remain, asked. */
async function askSpend(prompter: Prompter, currency: string, offered?: number): Promise<number | undefined> {
  const within = (n: number): true | string => (n < 0 ? 'an amount cannot be negative' : n > MAX_AMOUNT ? 'at most 1,000,000,000,000' : true);
  const text = await prompter.input(`Annual spend in ${currency} (Enter to leave out)`, {
    // A whole amount is offered as typed; a fractional one is typed again (its separator would need the locale).
    default: offered !== undefined && Number.isInteger(offered) ? String(offered) : undefined,
    validate: (t): true | string => {
      if (t.trim() === '') return true;
      const parsed = parseAmount(t, currency);
      if (parsed.ok === false) return parsed.message;
      return within(parsed.ok === true ? parsed.value : Math.max(...parsed.readings));
    },
  });
  if (text.trim() === '') return undefined;
  const parsed = parseAmount(text, currency);
  if (parsed.ok === true) return parsed.value;
  if (parsed.ok === false) return undefined;
  // Never guessed: the interviewer says which was meant.
  const [grouped, decimal] = parsed.readings;
  return prompter.select(`"${terminalText(text.trim())}" can be read two ways. Which is the annual spend?`, [
    { name: amountReading(grouped, currency), value: grouped },
    { name: amountReading(decimal, currency), value: decimal },
  ]);
}

/** Who interviewed and who answered for the vendor; the previous ones are the defaults. */
export async function askInterviewRecord(vendor: Vendor, today: string, prompter: Prompter): Promise<NonNullable<Vendor['interview']>> {
  const previous = vendor.interview;
  const interviewer = (
    await prompter.input('Your name (the interviewer)', {
      maxLength: MAX_NAME_LENGTH,
      default: previous?.interviewer,
      validate: (t) => (t.trim() ? true : 'type your name'),
    })
  ).trim();
  let respondents = previous?.respondents ?? [];
  const same =
    respondents.length > 0 &&
    (await prompter.confirm(
      `Answering for the vendor: ${respondents.map((r) => terminalText(r.role ? `${r.name} (${r.role})` : r.name)).join(', ')}. Same people?`,
      { default: true },
    ));
  if (!same) {
    respondents = [];
    do {
      const name = (
        await prompter.input('Who answers for the vendor? Name', { maxLength: MAX_NAME_LENGTH, validate: (t) => (t.trim() ? true : 'type a name') })
      ).trim();
      const role = (await prompter.input('Their role (Enter to leave out)', { maxLength: MAX_NAME_LENGTH })).trim();
      respondents.push(role ? { name, role } : { name });
    } while (await prompter.confirm('Anyone else?', { default: false }));
  }
  return { date: today, interviewer, respondents };
}
