import { didYouMean } from './validate/did-you-mean.js';

// Which vendors a command prints of a large portfolio: those of the verdicts and categories asked
// for, then the first N in the command's own order. What is printed, never what is computed: the
// snapshot, the gates and the headline counts still count every vendor. Pure.

export interface Selection {
  top?: number | undefined;
  verdicts?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
}

export interface Selected<T> {
  shown: T[];
  /** How many the filters matched, before --top. */
  matched: number;
  total: number;
}

/** `items` in the order they are printed. */
export function selectVendors<T>(items: readonly T[], selection: Selection, of: (item: T) => { verdict: string; category: string }): Selected<T> {
  const verdicts = selection.verdicts?.length ? new Set(selection.verdicts) : undefined;
  const categories = selection.categories?.length ? new Set(selection.categories) : undefined;
  const matching = items.filter((item) => {
    const v = of(item);
    return (!verdicts || verdicts.has(v.verdict)) && (!categories || categories.has(v.category));
  });
  return { shown: selection.top === undefined ? matching : matching.slice(0, selection.top), matched: matching.length, total: items.length };
}

function isSelecting(selection: Selection): boolean {
  return selection.top !== undefined || Boolean(selection.verdicts?.length) || Boolean(selection.categories?.length);
}

/** "Showing 10 of 3,000 vendors (--top 10, --verdict weak)"; undefined when nothing was left out. */
export function selectionLine(selected: Selected<unknown>, selection: Selection): string | undefined {
  if (!isSelecting(selection) || selected.shown.length === selected.total) return undefined;
  const flags = [
    ...(selection.top !== undefined ? [`--top ${selection.top}`] : []),
    ...(selection.verdicts?.length ? [`--verdict ${selection.verdicts.join(',')}`] : []),
    ...(selection.categories?.length ? [`--category ${selection.categories.join(',')}`] : []),
  ];
  const of =
    selected.shown.length < selected.matched && selected.matched < selected.total
      ? `${count(selected.matched)} matching, of ${count(selected.total)}`
      : count(selected.total);
  return `Showing ${count(selected.shown.length)} of ${of} vendor${selected.total === 1 ? '' : 's'} (${flags.join(', ')}).`;
}

/** A verdict or category the filter names that cannot match: a message with a suggestion. */
export function unknownFilter(
  selection: Selection,
  verdicts: readonly string[],
  categories: readonly string[],
): { flag: string; value: string; hint: string } | undefined {
  for (const [flag, asked, known] of [
    ['--verdict', selection.verdicts ?? [], verdicts],
    ['--category', selection.categories ?? [], categories],
  ] as const) {
    const bad = asked.find((value) => !known.includes(value));
    if (bad !== undefined) return { flag, value: bad, hint: didYouMean(bad, known) ?? `use one of: ${known.join(', ')}` };
  }
  return undefined;
}

const count = (n: number) => n.toLocaleString('en-US');
