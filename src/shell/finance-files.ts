import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadFinance } from '../core/load/load-files.js';
import type { Problem } from '../core/problem.js';
import { ratesOf } from '../core/report/currency.js';
import type { Finance } from '../core/schema/finance.js';
import { locate } from '../core/validate/schema-problems.js';
import { readInput } from './read-input.js';
import { shownPath } from './shown-path.js';
import { ProblemsError } from './user-error.js';
import type { Workspace } from './workspace.js';

// The workspace's finance figures: finance/<YYYY-Qn>.yaml, one file a quarter, each validated
// against the settings (its currencies need a rate). One bad file stops the command: the figures
// it would show could be wrong.

/** Finance figures by quarter; no finance folder is no figures. */
export async function readFinance(workspace: Workspace, cwd: string): Promise<Map<string, Finance>> {
  let names: string[];
  try {
    names = (await readdir(workspace.financeDir)).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const rates = ratesOf(workspace.settings.exchange, workspace.settings.currency);
  const byPeriod = new Map<string, Finance>();
  const problems: Problem[] = [];
  for (const name of names) {
    const path = join(workspace.financeDir, name);
    const shown = shownPath(path, cwd);
    const read = await readInput(path, shown);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    const loaded = loadFinance(read.text, shown, workspace.settings.currency, rates);
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    const { period } = loaded.value;
    if (byPeriod.has(period)) {
      problems.push({
        file: shown,
        ...locate(loaded.source, ['period']),
        message: `period: a second finance file for ${period}`,
        hint: 'keep one file a quarter',
        severity: 'error',
      });
    } else byPeriod.set(period, loaded.value);
  }
  if (problems.length) throw new ProblemsError(problems);
  return byPeriod;
}
