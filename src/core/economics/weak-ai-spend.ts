import type { VendorFinding } from '../schema/findings.js';
import type { VerdictScale } from '../scoring/verdict-scale.js';
import { inBase, type Base } from './money-in-base.js';

// Spend in AI the audit cannot stand behind: vendors whose verdict is in the lower half of the
// questionnaire's scale (weak, unsubstantiated by default), and vendors not assessed, kept apart.

export interface WeakAiSpend {
  /** The verdicts counted as weak, in the questionnaire's words, best first ("Weak", "Unsubstantiated"). */
  verdicts: string[];
  /** Annual spend in vendors with a verdict in the lower half of the scale. */
  weak: number;
  weakVendors: number;
  /** Annual spend in vendors with no verdict yet. */
  notAssessed: number;
  notAssessedVendors: number;
  /** Both, as a share of the stack's annual spend. */
  ofTechnology: number;
  /** Both, a quarter of it, as a share of the quarter's budget; undefined when the budget is not given. */
  ofBudget?: number | undefined;
}

export function weakAiSpend(vendors: readonly VendorFinding[], scale: VerdictScale, annualSpend: number, budget: number | undefined, base: Base): WeakAiSpend {
  const spend = (v: VendorFinding) => (v.spend ? (inBase(v.spend, base) ?? 0) : 0);
  const weak = vendors.filter((v) => v.score !== null && scale.needsAction(v.verdict));
  const unassessed = vendors.filter((v) => v.score === null);
  const sum = (list: readonly VendorFinding[]) => list.reduce((total, v) => total + spend(v), 0);
  const both = sum(weak) + sum(unassessed);
  return {
    verdicts: scale.order.filter(scale.needsAction).map(scale.label),
    weak: sum(weak),
    weakVendors: weak.length,
    notAssessed: sum(unassessed),
    notAssessedVendors: unassessed.length,
    ofTechnology: annualSpend ? both / annualSpend : 0,
    ofBudget: budget === undefined ? undefined : both / 4 / budget,
  };
}
