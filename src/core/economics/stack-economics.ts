import { comparePeriods } from '../period.js';
import type { ExchangeRates } from '../report/currency.js';
import type { Finance } from '../schema/finance.js';
import type { Findings } from '../schema/findings.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { snapshotScale } from '../scoring/verdict-scale.js';
import { acquisition, type Acquisition } from './acquisition.js';
import { budgetShare, REFERENCE_SHARE, type BudgetShare } from './budget-share.js';
import { categorySpend, type CategorySpend } from './category-spend.js';
import { baseOf } from './money-in-base.js';
import { shelfware, SHELFWARE_BELOW, type Shelfware } from './shelfware.js';
import { technologySpend, type TechnologySpend } from './technology-spend.js';
import { weakAiSpend, type WeakAiSpend } from './weak-ai-spend.js';

// The stack in the board's terms, for one quarter: what it costs against the marketing budget,
// where the money goes, how much of it is in AI the audit cannot stand behind, what is paid for and
// not used, and what it costs per customer acquired, with the quarters before. Every figure an
// input is missing for is undefined ("not given"), never zero.

interface StackQuarter {
  period: string;
  /** The quarter's findings snapshot; an earlier quarter may have finance figures and none. */
  findings?: Findings | undefined;
  finance?: Finance | undefined;
}

export interface StackInput {
  current: StackQuarter & { findings: Findings };
  /** The questionnaire the current snapshot was scored with, when at hand (for its verdicts). */
  questionnaire?: Questionnaire | undefined;
  /** Earlier quarters, any order. */
  earlier: readonly StackQuarter[];
  /** The workspace currency: the base when there are no rates. */
  currency: string;
  rates?: ExchangeRates | undefined;
}

/** One quarter of the trend; each figure undefined where not given. */
interface TrendPoint {
  period: string;
  techSpend?: number | undefined;
  share?: number | undefined;
  techPerCustomer?: number | undefined;
  cac?: number | undefined;
  cltv?: number | undefined;
}

export interface StackEconomics {
  period: string;
  /** The currency of every figure. */
  currency: string;
  /** The date of the exchange rates, when amounts were converted with them. */
  ratesAsOf?: string | undefined;
  /** Whether the quarter has a finance file at all. */
  financeGiven: boolean;
  technology: TechnologySpend;
  budget: BudgetShare;
  reference: number;
  categories: CategorySpend[];
  weakAi: WeakAiSpend;
  shelfware: Shelfware & { below: number };
  acquisition: Acquisition;
  /** The quarters with finance figures or a snapshot, oldest first, this one last. */
  trend: TrendPoint[];
}

export function stackEconomics(input: StackInput): StackEconomics {
  const base = baseOf(input.currency, input.rates);
  const { findings, finance } = input.current;
  const technology = technologySpend(findings.vendors, finance, base);
  const budget = budgetShare(technology.quarter, finance, base);
  const point = (q: StackQuarter): TrendPoint => {
    const spend = q.findings || q.finance?.technologySpend ? technologySpend(q.findings?.vendors ?? [], q.finance, base).quarter : undefined;
    const a = acquisition(spend, q.finance, base);
    return {
      period: q.period,
      techSpend: spend,
      share: spend === undefined ? undefined : budgetShare(spend, q.finance, base).share,
      techPerCustomer: a.techPerCustomer,
      cac: a.cac,
      cltv: a.cltv,
    };
  };
  const earlier = input.earlier.filter((q) => comparePeriods(q.period, input.current.period) < 0).sort((a, b) => comparePeriods(a.period, b.period));
  return {
    period: input.current.period,
    currency: base.currency,
    ratesAsOf: input.rates?.asOf,
    financeGiven: finance !== undefined,
    technology,
    budget,
    reference: REFERENCE_SHARE,
    categories: categorySpend(findings.vendors, base),
    weakAi: weakAiSpend(findings.vendors, snapshotScale(findings, input.questionnaire), technology.annual, budget.budget, base),
    shelfware: { ...shelfware(findings.vendors, base), below: SHELFWARE_BELOW },
    acquisition: acquisition(technology.quarter, finance, base),
    trend: [...earlier.map(point), point(input.current)],
  };
}
