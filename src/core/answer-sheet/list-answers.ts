import type { Problem } from '../problem.js';
import type { Vendor } from '../schema/vendor.js';
import type { ListChange } from './read-claims-roadmap.js';
import type { SheetListAnswer } from './read-answer-sheet.js';
import { listLabels } from './vendor-words.js';

// What the Answers rows of the claims and roadmap questions say, applied to the vendor once its
// Claims and Roadmap sheets are read. "None" records that the question was asked and there is
// nothing to list (an empty list, as the interview records it); an empty cell records nothing, so a
// vendor who left the sheet blank is "not asked yet", never "has none". Nothing on record is
// removed: "None" beside claims or commitments is refused. Pure.

export interface ListAnswersApplied {
  vendor: Vendor;
  changes: ListChange[];
  problems: Problem[];
}

/**
 * `before`: the vendor as it was on record; `after`: with the sheets' rows read in. `sheetsRead`:
 * the file had Claims and Roadmap sheets (a workbook); a CSV has only the Answers sheet.
 */
export function applyListAnswers(before: Vendor, after: Vendor, lists: readonly SheetListAnswer[], sheetsRead: boolean): ListAnswersApplied {
  const out: ListAnswersApplied = { vendor: after, changes: [], problems: [] };
  const next: Vendor = { ...after };
  for (const list of lists) {
    const { listed, none } = listLabels(list.sheet);
    const noun = list.binds === 'claims' ? 'claim' : 'commitment';
    const count = (n: number) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    const onRecord = before[list.binds]?.length ?? 0;
    const now = after[list.binds]?.length ?? 0;
    const problem = (message: string, hint: string) => out.problems.push({ file: list.where, message, hint, severity: 'error' });
    if (!list.listed) {
      if (onRecord > 0)
        problem(
          `"${none}", but ${count(onRecord)} ${onRecord === 1 ? 'is' : 'are'} on record`,
          `write "${listed}": a sheet does not remove what is on record${list.binds === 'roadmap' ? ' (mark a commitment taken back dropped)' : ''}`,
        );
      else if (now > 0)
        problem(`"${none}", but the ${list.sheet} sheet lists ${count(now)}`, `write "${listed}", or clear those rows of the ${list.sheet} sheet`);
      else if (before[list.binds] === undefined) {
        next[list.binds] = [];
        out.changes.push({ sheet: 'Answers', row: list.row, what: `${list.question}: none to list (asked, and there are none)` });
      }
      continue;
    }
    if (now > 0) continue;
    if (!sheetsRead)
      problem(
        `"${listed}", but a CSV has no ${list.sheet} sheet`,
        `send the .xlsx workbook with the ${list.sheet} sheet filled in, or write "${none}" if there are none`,
      );
    else problem(`"${listed}", but the ${list.sheet} sheet lists none`, `list each ${noun} on the ${list.sheet} sheet, or write "${none}" if there are none`);
  }
  out.vendor = next;
  return out;
}
