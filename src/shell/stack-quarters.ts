import { baseOf } from '../core/economics/money-in-base.js';
import { economicsChange, type EconomicsChange } from '../core/economics/quarter-change.js';
import type { StackInput } from '../core/economics/stack-economics.js';
import { comparePeriods } from '../core/period.js';
import { ratesOf } from '../core/report/currency.js';
import type { Findings } from '../core/schema/findings.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import { readFinance } from './finance-files.js';
import { resolveSnapshot, type LoadedSnapshot } from './snapshots/store.js';
import type { Workspace } from './workspace.js';

// What the stack's economics are worked out from: the quarter's snapshot and finance figures, and
// the quarters before it that have finance figures (each with its snapshot where there is one);
// and, for `diff` and `trend`, the same from one snapshot to the next.

/** Two years of quarters at most: the trend, not the archive. */
const EARLIER_QUARTERS = 7;

export async function stackInput(current: LoadedSnapshot, workspace: Workspace, cwd: string, questionnaire?: Questionnaire): Promise<StackInput> {
  const finance = await readFinance(workspace, cwd);
  const period = current.findings.period;
  const periods = [...finance.keys()]
    .filter((p) => comparePeriods(p, period) < 0)
    .sort(comparePeriods)
    .slice(-EARLIER_QUARTERS);
  const earlier = [];
  for (const p of periods) {
    // An earlier quarter's snapshot that cannot be read leaves its finance figures, not the report, without it.
    const snapshot = await resolveSnapshot(p, workspace, cwd).catch(() => undefined);
    earlier.push({ period: p, finance: finance.get(p), findings: snapshot?.findings });
  }
  return {
    current: { period, findings: current.findings, finance: finance.get(period) },
    questionnaire,
    earlier,
    currency: workspace.settings.currency,
    rates: ratesOf(workspace.settings.exchange, workspace.settings.currency),
  };
}

/** The stack's figures from each snapshot to the next (oldest first), with each quarter's finance figures where given. */
export async function economicsChanges(snapshots: readonly Findings[], workspace: Workspace, cwd: string): Promise<EconomicsChange[]> {
  if (snapshots.length < 2) return [];
  const finance = await readFinance(workspace, cwd);
  const base = baseOf(workspace.settings.currency, ratesOf(workspace.settings.exchange, workspace.settings.currency));
  const quarter = (findings: Findings) => ({ findings, finance: finance.get(findings.period) });
  return snapshots.slice(1).map((newer, i) => economicsChange(quarter(snapshots[i]!), quarter(newer), base));
}
