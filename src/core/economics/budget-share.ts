import type { Finance } from '../schema/finance.js';
import { inBase, type Base } from './money-in-base.js';

// Technology as a share of the marketing budget: the quarter's technology spend over the quarter's
// budget. About a quarter of the marketing budget is the usual reference for technology.

export const REFERENCE_SHARE = 0.25;

export interface BudgetShare {
  /** The quarter's marketing budget in the base currency; undefined: not given. */
  budget?: number | undefined;
  budgetSource?: string | undefined;
  /** Technology spend over budget; undefined when the budget is not given. */
  share?: number | undefined;
  /** The share minus the reference, in points of the budget (0.31 - 0.25 = 0.06). */
  againstReference?: number | undefined;
}

export function budgetShare(quarterSpend: number, finance: Finance | undefined, base: Base): BudgetShare {
  const budget = finance?.budget ? inBase(finance.budget, base) : undefined;
  if (budget === undefined) return {};
  const share = quarterSpend / budget;
  return { budget, budgetSource: finance!.budget!.source, share, againstReference: share - REFERENCE_SHARE };
}
