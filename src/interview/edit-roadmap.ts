import { parseQuarterAnswer, parseSlug, suggestSlug } from '../core/interview/parse-answer.js';
import { addQuarters, comparePeriods } from '../core/period.js';
import type { Commitment } from '../core/schema/vendor.js';
import { MAX_NAME_LENGTH } from '../core/schema/limits.js';
import { terminalText } from '../render/terminal-text.js';
import { BACK_CHOICE, moved, QUIT_CHOICE, type Move } from './moves.js';
import type { Prompter } from './prompter.js';

// The vendor's roadmap, kept at the top of its file: commitments added, changed, and asked where
// they stand. One on record is never removed (the track record keeps it): it is marked dropped.
// Only one added in this interview, by mistake, can be removed.

const quarter =
  (options: { after?: string; notAfter?: string } = {}) =>
  (text: string) => {
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

/** Commitments whose quarter has come and that still need a status: asked about one by one. */
export function dueCommitments(roadmap: readonly Commitment[], period: string): Commitment[] {
  return roadmap.filter(
    (c) =>
      (c.status === 'planned' && comparePeriods(c.due, period) <= 0) ||
      (c.status === 'slipped' && c.revisedDue !== undefined && comparePeriods(c.revisedDue, period) <= 0),
  );
}

type Outcome = 'delivered' | 'slipped' | 'dropped' | 'on-track' | 'skip';

/** `asked`: the commitment was added just now, already due: its status has never been asked. */
export async function reviewCommitment(c: Commitment, period: string, prompter: Prompter, options: { asked?: boolean } = {}): Promise<Commitment> {
  const promisedFor = c.status === 'slipped' ? c.revisedDue! : c.due;
  const due = comparePeriods(promisedFor, period) <= 0;
  const stillThisQuarter = comparePeriods(promisedFor, period) === 0;
  // Nothing is recorded unless chosen: the default (Enter) leaves the commitment as it stands.
  const outcome = await prompter.select<Outcome>(
    `"${terminalText(c.title)}" ${due ? 'was' : 'is'} due ${promisedFor}${c.status === 'slipped' ? ` (first due ${c.due})` : ''}. Where does it stand?`,
    [
      { name: options.asked ? 'Not known yet: ask again next time' : due ? 'Unchanged: ask again next time' : `Unchanged (${c.status})`, value: 'skip' },
      { name: 'Delivered', value: 'delivered' },
      { name: 'Slipped to a later quarter', value: 'slipped' },
      { name: 'Dropped', value: 'dropped' },
      ...(stillThisQuarter ? [{ name: `Still on track for ${period}`, value: 'on-track' as const }] : []),
    ],
    { default: 'skip' },
  );
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
      const when = await prompter.input('Now promised for which quarter? (YYYY-Qn)', {
        default: comparePeriods(addQuarters(period, 1), after) > 0 ? addQuarters(period, 1) : addQuarters(after, 1),
        validate: quarter({ after }),
      });
      return { ...rest, status: 'slipped', revisedDue: quarterOf(when) };
    }
    case 'dropped':
      return { ...rest, status: 'dropped' };
    default:
      return c;
  }
}

const ADD = 'add';
const DONE = 'done';

export interface RoadmapEdit {
  period: string;
  /** Ids of the commitments added in this interview: the only ones that may be removed. Updated as they are added and removed. */
  added: string[];
  /** Called with the list after each change. */
  save?: (roadmap: Commitment[]) => Promise<void>;
}

/** The roadmap as it stands, with commitments to add, change, or ask where they stand. One added already due is asked its status at once. */
export async function editRoadmap(roadmap: readonly Commitment[], prompter: Prompter, edit: RoadmapEdit): Promise<Commitment[]> {
  const out = [...roadmap];
  const save = edit.save ?? (async () => {});
  for (;;) {
    const n = out.length;
    const picked = moved(
      await prompter.select<typeof ADD | typeof DONE | number | Move>(
        n
          ? `${n} roadmap commitment${n === 1 ? '' : 's'} recorded. Add a new roadmap commitment, change one, or go on?`
          : 'Add a roadmap commitment? (none recorded yet)',
        [
          { name: 'Add a roadmap commitment', value: ADD },
          ...out.map((c, i) => ({
            name: `Change or update ${terminalText(c.id)}: ${terminalText(c.title)} — due ${c.due}, ${c.status}${c.revisedDue ? ` to ${c.revisedDue}` : ''}${c.deliveredIn ? ` in ${c.deliveredIn}` : ''}`,
            value: i,
          })),
          { name: n ? 'Done with the roadmap' : 'No commitment to record: go on', value: DONE },
          BACK_CHOICE,
          QUIT_CHOICE,
        ],
        { default: DONE },
      ),
    );
    if (picked === DONE) return out;
    if (picked === ADD) {
      const added = await askCommitment(undefined, out, edit.period, prompter);
      out.push(added);
      edit.added.push(added.id);
      await save([...out]);
      // Due this quarter or before: planned would read as slipped. Where it stands is asked now.
      if (comparePeriods(added.due, edit.period) <= 0) {
        out[out.length - 1] = await reviewCommitment(added, edit.period, prompter, { asked: true });
        await save([...out]);
      }
      continue;
    }
    if (await changeCommitment(out, picked, prompter, edit)) await save([...out]);
  }
}

/** Changes commitment `i` in place; false when it is kept as it is. */
async function changeCommitment(roadmap: Commitment[], i: number, prompter: Prompter, edit: RoadmapEdit): Promise<boolean> {
  const c = roadmap[i]!;
  const removable = edit.added.includes(c.id);
  const action = await prompter.select<'keep' | 'change' | 'status' | 'remove'>(
    `${terminalText(c.id)}: ${terminalText(c.title)}${removable ? '' : ' (on record: to take it back, record it dropped)'}`,
    [
      { name: 'Keep it as it is', value: 'keep' },
      { name: 'Change what was promised, or when', value: 'change' },
      { name: 'Record where it stands (delivered, slipped, dropped)', value: 'status' },
      ...(removable ? [{ name: 'Remove it (added by mistake in this interview)', value: 'remove' as const }] : []),
    ],
    { default: 'keep' },
  );
  if (action === 'keep') return false;
  if (action === 'status') {
    roadmap[i] = await reviewCommitment(c, edit.period, prompter);
    return true;
  }
  if (action === 'change') {
    roadmap[i] = await askCommitment(c, roadmap, edit.period, prompter);
    return true;
  }
  if (!(await prompter.confirm(`Remove ${terminalText(c.id)}?`, { default: false }))) return false;
  roadmap.splice(i, 1);
  edit.added.splice(edit.added.indexOf(c.id), 1);
  return true;
}

/** One commitment, asked field by field; one being changed keeps its id and status, and offers what it holds. */
async function askCommitment(previous: Commitment | undefined, roadmap: readonly Commitment[], period: string, prompter: Prompter): Promise<Commitment> {
  const title = await prompter.input('What was promised?', {
    default: previous?.title,
    maxLength: MAX_NAME_LENGTH,
    validate: (t) => (t.trim() ? true : 'describe the commitment'),
  });
  let id = previous?.id;
  if (id === undefined) {
    const ids = new Set(roadmap.map((c) => c.id));
    let suggestion = suggestSlug(title);
    for (let n = 2; ids.has(suggestion); n++) suggestion = `${suggestSlug(title).slice(0, 60)}-${n}`;
    id = (
      await prompter.input('A short id for it', {
        default: suggestion,
        validate: (t) => ((r) => (!r.ok ? r.message : ids.has(r.value) ? 'that id is taken' : true))(parseSlug(t)),
      })
    ).trim();
  }
  const promised = await prompter.input('Promised in which quarter? (YYYY-Qn)', {
    default: previous?.promised ?? period,
    validate: quarter({ notAfter: period }),
  });
  const p = quarterOf(promised);
  const due = await prompter.input('Due in which quarter? (YYYY-Qn)', {
    default: previous?.due ?? addQuarters(period, 1),
    validate: (t) => ((r) => (r.ok && comparePeriods(r.value, p) < 0 ? `cannot be before it was promised (${p})` : quarter()(t)))(parseQuarterAnswer(t)),
  });
  if (!previous) return { id, title: title.trim(), promised: p, due: quarterOf(due), status: 'planned' };
  const changed: Commitment = { ...previous, title: title.trim(), promised: p, due: quarterOf(due) };
  // A revised date no longer after the due one is no slip: where it stands is asked again.
  if (changed.revisedDue && comparePeriods(changed.revisedDue, changed.due) <= 0) {
    const rest = { ...changed, status: 'planned' as const };
    delete rest.revisedDue;
    return rest;
  }
  return changed;
}
