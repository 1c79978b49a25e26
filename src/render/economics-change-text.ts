import type { EconomicsChange } from '../core/economics/quarter-change.js';
import { causeLines, currencyLine, economicsFigures, economicsGiven, notGivenLine, quarterRows } from './economics-change.js';
import { dropping, fittedTableText } from './fit-table.js';
import { wrapToWidth } from './fit-width.js';
import type { Style } from './style.js';

// The stack's economics at the end of `diff` and `trend` in a terminal: the figures from quarter to
// quarter, then what moved the annual spend. The command makes the names from files safe first
// (terminalSafe); lines are wrapped to the terminal (80 columns when it has none).

/** One step, two quarters: the figures' change, and its causes. */
export function economicsDiffText(c: EconomicsChange, style: Style, width?: number): string[] {
  if (!economicsGiven(c)) return ['', style.dim(wrapped(notGivenLine([c.from, c.to]), width))];
  const rows = economicsFigures(c).map((f) => [f.figure, f.change]);
  return [
    '',
    style.bold(`Stack economics · ${c.from} → ${c.to}`),
    fittedTableText([{ head: 'Figure' }, { head: `${c.from} → ${c.to}`, align: 'right' }], rows, style, width),
    style.dim(wrapped(currencyLine(c), width)),
    ...causeSection(c, style, width),
  ];
}

/** Consecutive steps: each figure quarter by quarter, then each step's causes. */
export function economicsTrendText(changes: readonly EconomicsChange[], style: Style, width?: number): string[] {
  if (changes.length === 0) return [];
  const { periods, rows } = quarterRows(changes);
  if (!changes.some(economicsGiven)) return ['', style.dim(wrapped(notGivenLine(periods), width))];
  // On a narrow terminal the oldest quarters give way first; the latest is never dropped.
  const columns = dropping([{ head: 'Figure' }, ...periods.map((p) => ({ head: p, align: 'right' as const }))], periods.slice(0, -1));
  return [
    '',
    style.bold('Stack economics, quarter by quarter'),
    fittedTableText(columns, rows, style, width),
    style.dim(wrapped(currencyLine(changes.at(-1)!), width)),
    ...changes.filter(economicsGiven).flatMap((c) => ['', ...causeSection(c, style, width)]),
  ];
}

function causeSection(c: EconomicsChange, style: Style, width: number | undefined): string[] {
  const { head, causes, notes } = causeLines(c);
  return [
    wrapped(head, width),
    ...causes.map((cause) => wrapToWidth(`  • ${cause}`, width ?? 80, '    ').join('\n')),
    ...notes.map((note) => style.dim(wrapped(note, width))),
  ];
}

const wrapped = (text: string, width: number | undefined) => wrapToWidth(text, width ?? 80).join('\n');
