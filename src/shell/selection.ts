import * as z from 'zod';
import { MARTECH_CATEGORY_IDS } from '../core/martech-categories.js';
import { selectionLine, selectVendors, unknownFilter, type Selected, type Selection } from '../core/select-vendors.js';
import { terminalLines } from '../render/terminal-text.js';
import type { Context } from './context.js';
import { UserError } from './user-error.js';

// --top, --verdict and --category, as score, diff and trend take them: checked against the
// verdicts of the questionnaire in force and the martech categories, and said on stderr when they
// leave vendors out (so that JSON on stdout stays the data asked for).

export const selectionOptions = {
  top: z.number().int().min(1).optional(),
  verdict: z.array(z.string()).default([]),
  category: z.array(z.string()).default([]),
};

export function selectionOf(options: { top?: number | undefined; verdict: string[]; category: string[] }, verdicts: readonly string[]): Selection {
  const selection = { top: options.top, verdicts: options.verdict, categories: options.category };
  const bad = unknownFilter(selection, verdicts, MARTECH_CATEGORY_IDS);
  if (bad) throw new UserError(`${bad.flag}: no ${bad.flag === '--verdict' ? 'verdict' : 'category'} "${bad.value}"`, { hint: bad.hint });
  return selection;
}

/** The vendors to print, and the line that says what was left out. */
export function applySelection<T>(
  items: readonly T[],
  selection: Selection,
  of: (item: T) => { verdict: string; category: string },
  context: Context,
): Selected<T> {
  const selected = selectVendors(items, selection, of);
  const line = selectionLine(selected, selection);
  if (line) context.stderr.write(`${terminalLines(line)}\n`);
  return selected;
}
