import type { StackInput } from '../core/economics/stack-economics.js';
import { comparePeriods } from '../core/period.js';
import { ratesOf } from '../core/report/currency.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import { readFinance } from './finance-files.js';
import { resolveSnapshot, type LoadedSnapshot } from './snapshots/store.js';
import type { Workspace } from './workspace.js';

// What the stack's economics are worked out from: the quarter's snapshot and finance figures, and
// the quarters before it that have finance figures (each with its snapshot where there is one).

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
