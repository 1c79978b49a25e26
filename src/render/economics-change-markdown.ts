import type { EconomicsChange } from '../core/economics/quarter-change.js';
import { causeLines, currencyLine, economicsFigures, economicsGiven, notGivenLine, quarterRows } from './economics-change.js';
import { mdEscape, mdTable } from './markdown.js';

// The stack's economics at the end of `diff` and `trend` in Markdown. Vendor names are in the
// causes, so every line of words goes through mdEscape.

export function economicsDiffMarkdown(c: EconomicsChange): string[] {
  if (!economicsGiven(c)) return ['', mdEscape(notGivenLine([c.from, c.to]))];
  const rows = economicsFigures(c).map((f) => [mdEscape(f.figure), mdEscape(f.change)]);
  return [
    '',
    `## Stack economics, ${mdEscape(c.from)} → ${mdEscape(c.to)}`,
    '',
    mdTable(['Figure', `${mdEscape(c.from)} → ${mdEscape(c.to)}`], rows, ['left', 'right']),
    mdEscape(currencyLine(c)),
    '',
    ...causeSection(c),
  ];
}

export function economicsTrendMarkdown(changes: readonly EconomicsChange[]): string[] {
  if (changes.length === 0) return [];
  const { periods, rows } = quarterRows(changes);
  if (!changes.some(economicsGiven)) return ['', mdEscape(notGivenLine(periods))];
  return [
    '',
    '## Stack economics, quarter by quarter',
    '',
    mdTable(
      ['Figure', ...periods.map(mdEscape)],
      rows.map((row) => row.map(mdEscape)),
      ['left', ...periods.map(() => 'right' as const)],
    ),
    mdEscape(currencyLine(changes.at(-1)!)),
    '',
    ...changes.filter(economicsGiven).flatMap(causeSection),
  ];
}

function causeSection(c: EconomicsChange): string[] {
  const { head, causes, notes } = causeLines(c);
  return [mdEscape(head), ...(causes.length ? ['', ...causes.map((cause) => `- ${mdEscape(cause)}`)] : []), ...notes.map((note) => `\n${mdEscape(note)}`), ''];
}
