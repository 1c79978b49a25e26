import { parseQuestionLine } from '../findings/build-findings.js';
import { categoryLabel, MARTECH_CATEGORIES } from '../martech-categories.js';
import { isFinding } from '../findings/flag-ref.js';
import { indexQuestionnaire } from '../questionnaire-index.js';
import type { Findings, FlagResult, VendorFinding } from '../schema/findings.js';
import { NOT_ASSESSED, SEVERITIES, type Questionnaire, type RatingKind, type Severity } from '../schema/questionnaire.js';
import { openQuestionsOf, questionsToAsk } from '../scoring/open-questions.js';
import type { OpenQuestion } from '../scoring/types.js';
import { compareFindings } from '../scoring/score-rows.js';
import { snapshotRiskScale, snapshotScale, type Tone, type VerdictScale } from '../scoring/verdict-scale.js';
import { diffFindings, type CommitmentChange } from '../tracking/diff-findings.js';
import type { StackEconomics } from '../economics/stack-economics.js';
import { coverageStatus, type CoverageStatus } from './coverage.js';
import { rateOf, toBase, totals, type ExchangeRates, type Money } from './currency.js';
import { DEFAULT_TOP, summarise, topAndWorst, type RestSummary } from './portfolio-ends.js';
import { addDays, compareUrgency, daysBetween, RENEWAL_WINDOW_DAYS, renewingWithin } from './priorities.js';

// The numbers behind the executive report, worked out once from the findings: pure data that
// the HTML and Markdown renderers only lay out. A vendor not assessed is never counted as weak,
// never ranked, and its next step is an interview.

export interface ReportInput {
  current: Findings;
  /** The snapshot of the quarter before, when there is one. */
  previous?: Findings | undefined;
  /** The questionnaire the snapshot was scored with (matching its hash), for question texts and labels. */
  questionnaire?: Questionnaire | undefined;
  /** Today (YYYY-MM-DD): renewals coming up are counted from it. Without it, none are listed. */
  today?: string | undefined;
  /** Exchange rates: totals in their base currency. Without them, totals stay per currency. */
  rates?: ExchangeRates | undefined;
  /** How many of the best and of the worst vendors the ranking lists (default 10); other lists hold at most twice as many. */
  top?: number | undefined;
  /** The stack's economics for the quarter (economics/stack-economics.ts): the detail opens with them. */
  stack?: StackEconomics | undefined;
}

interface RankedRow {
  rank: number;
  id: string;
  name: string;
  category: string;
  categoryLabel: string;
  score: number;
  verdict: string;
  verdictLabel: string;
  risk?: { rating: string; label: string } | undefined;
  confidence: number | null;
  completeness: number;
  /** Score change since the previous snapshot; null when new, not assessed then, or not comparable. */
  change: number | null;
  spend?: { amount: number; currency: string } | undefined;
  renewal?: string | undefined;
  flags: { severity: Severity; count: number }[];
}

/** A vendor too little is known of for a verdict: what is known, and what to ask. */
interface UnassessedRow {
  id: string;
  name: string;
  categoryLabel: string;
  decisive?: VendorFinding['decisive'];
  completeness: number;
  spend?: { amount: number; currency: string } | undefined;
  renewal?: string | undefined;
  /** Findings on recorded answers, even without a verdict. */
  flags: { severity: Severity; count: number }[];
}

export type ActionKind = 'retire' | 'renegotiate' | 'interview' | 'ask-for-evidence' | 'monitor';

export const ACTION_VERBS: Record<ActionKind, string> = {
  retire: 'Retire or replace',
  renegotiate: 'Renegotiate',
  interview: 'Interview',
  'ask-for-evidence': 'Ask for evidence from',
  monitor: 'Monitor',
};

export interface Action {
  kind: ActionKind;
  vendor: string;
  vendorName: string;
  /** What to do, after the action's verb (see ACTION_VERBS): "Campaignly BV before its renewal on …". */
  text: string;
  /** Why, in a board's words and short, without the vendor's name or date: "its AI claims are not backed". */
  reason: string;
  because: string[];
  renewal?: string | undefined;
  spend?: Money | undefined;
}

/** A vendor renewing soon: the decision due, with what the audit says of it. */
interface Renewal {
  vendor: string;
  vendorName: string;
  renewal: string;
  /** Days from today. */
  days: number;
  verdict: string;
  verdictLabel: string;
  spend?: Money | undefined;
  /** The first action the report gives for the vendor; none when nothing needs doing. */
  next?: ActionKind | undefined;
}

/** A vendor whose verdict moved since the quarter before. */
export interface VerdictMove {
  vendor: string;
  vendorName: string;
  from: string;
  to: string;
}

/** What changed since the previous snapshot, in a board's terms. */
interface Changes {
  previousPeriod: string;
  /** False when the previous snapshot was scored with another questionnaire: no score or verdict is compared. */
  comparable: boolean;
  /** Up or down the verdict scale, the largest score moves first. */
  up: VerdictMove[];
  down: VerdictMove[];
  added: { vendor: string; vendorName: string; verdictLabel: string }[];
  dropped: { vendor: string; vendorName: string }[];
  critical: { now: number; before: number };
  /** The share of spend in the lower verdicts, now and then (when both have one currency, or rates). */
  weakShare?: { now: number; before: number } | undefined;
  roadmap: { delivered: number; slipped: number; dropped: number; withdrawn: number };
}

interface ContradictedClaim {
  vendor: string;
  vendorName: string;
  text: string;
  source?: string | undefined;
  date?: string | undefined;
  /** "automation-rate ≥ 95 % of outputs: found 27 % of outputs (the vendor's own answer)". */
  checks: string[];
}

interface OpenItem {
  vendor: string;
  vendorName: string;
  /** What to ask: question texts (or ids when the questionnaire is not at hand). */
  ask: string[];
  why: string;
}

export interface ReportModel {
  period: string;
  stack?: StackEconomics | undefined;
  previousPeriod?: string | undefined;
  /** False when the previous snapshot was scored with another questionnaire. */
  changesComparable: boolean;
  questionnaire: { id: string; version: string; title?: string | undefined };
  /** The snapshot's verdicts, best first, each with its place on the scale, and whether it calls for action. */
  verdicts: { id: string; label: string; tone: Tone | undefined; needsAction: boolean }[];
  /** Where each verdict band above the lowest starts: the reference lines of the score chart. */
  thresholds: number[];
  glance: {
    vendors: number;
    assessed: number;
    byVerdict: { verdict: string; label: string; count: number; spend: { currency: string; amount: number }[] }[];
    /** Weak: spend in assessed vendors whose verdict is in the lower half of the scale; notAssessed apart. */
    spend: { currency: string; total: number; weak: number; share: number; notAssessed: number }[];
    /** Vendors by risk rating, when the questionnaire rates risk. */
    byRisk: { rating: string; label: string; count: number }[];
    /** Findings on recorded answers, by severity. */
    flags: Record<Severity, number>;
    /** Questions waiting on the vendor (flags on missing answers, claims nothing can check yet). */
    open: number;
  };
  ranked: RankedRow[];
  unassessed: UnassessedRow[];
  flags: { severity: Severity; items: { vendor: string; vendorName: string; id: string; title: string; rating: RatingKind }[] }[];
  claims: ContradictedClaim[];
  open: OpenItem[];
  roadmap: { kind: 'delivered' | 'due' | 'slipped' | 'dropped' | 'withdrawn'; vendor: string; vendorName: string; id: string; title: string; note: string }[];
  /**
   * The martech categories in priority order: `vetted` (a vendor in the upper verdicts), `gap` (the
   * team buys in it, no vendor there is vetted) or `not-in-stack` (no vendor in it at all).
   */
  coverage: {
    category: string;
    label: string;
    vendors: { id: string; name: string; verdict: string; verdictLabel: string }[];
    vetted: boolean;
    status: CoverageStatus;
    byVerdict: number[];
  }[];
  /** Soonest renewal first, then the largest spend; a vendor's own actions together. At most `limit`. */
  actions: Action[];
  /** Actions left out of the short list, counted. */
  moreActions: number;
  /** How many of the best and of the worst the ranking lists; `limit` (twice as many) caps every other list. */
  top: number;
  limit: number;
  /** The ranking as listed: every vendor when there are no more than 2 × top, else the best and the worst. */
  ends: { top: RankedRow[]; worst: RankedRow[]; between?: (RestSummary & { verdicts: { id: string; label: string }[] }) | undefined };
  /** The vendors not assessed, soonest renewal first, then the largest spend. */
  unassessedByRenewal: UnassessedRow[];
  /** Red flags by severity, then by flag: each with the vendors it stands against. */
  flagGroups: {
    severity: Severity;
    findings: number;
    vendors: number;
    flags: { id: string; title: string; rating: RatingKind; vendors: { id: string; name: string }[] }[];
  }[];
  /** Exchange rates, when set: the base all totals are in, the date, and the rates of the currencies in use. */
  exchange?: { base: string; asOf: string; used: { currency: string; rate: number }[] } | undefined;
  /** The one-page summary. */
  summary: {
    asOf?: string | undefined;
    /** The actions that matter most: the first of each of the first three vendors. */
    actions: Action[];
    /** Renewals from today over the next 90 days: the first ones, and the rest counted. */
    renewals?: { until: string; days: number; items: Renewal[]; more: number; moreSpend: Money[] } | undefined;
    changes?: Changes | undefined;
  };
}

const SUMMARY_ACTIONS = 3;
const SUMMARY_RENEWALS = 5;

/** "substantiated or plausible": the verdicts a vendor can be relied on with, in the questionnaire's own words. */
export const upperVerdicts = (model: Pick<ReportModel, 'verdicts'>): string => verdictWords(model, (v) => !v.needsAction, 'in the upper verdicts');

/** "weak or unsubstantiated": the verdicts that call for action, in the questionnaire's own words. */
export const lowerVerdicts = (model: Pick<ReportModel, 'verdicts'>): string => verdictWords(model, (v) => v.needsAction, 'in the lower verdicts');

function verdictWords(model: Pick<ReportModel, 'verdicts'>, which: (v: ReportModel['verdicts'][number]) => boolean, none: string): string {
  const labels = model.verdicts.filter(which).map((v) => v.label.toLowerCase());
  if (labels.length === 0) return none;
  return labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

export function reportModel(input: ReportInput): ReportModel {
  const { current, previous, questionnaire, today, rates } = input;
  const top = Math.max(1, Math.floor(input.top ?? DEFAULT_TOP));
  const limit = 2 * top;
  // Verdicts by their place on the scale of the questionnaire that gave them, never by their names.
  const scale = snapshotScale(current, questionnaire);
  const labels = scale.label;
  // Risk bands likewise by their place on their scale: its lower half calls for action.
  const riskScale = snapshotRiskScale(current, questionnaire);
  const riskLabels = riskScale.label;
  const comparable = previous !== undefined && previous.questionnaire.hash === current.questionnaire.hash;
  const before = new Map((previous?.vendors ?? []).map((v) => [v.id, v]));
  const sorted = [...current.vendors].sort(compareFindings);
  const assessed = sorted.filter((v) => v.score !== null);
  const flagCounts = (v: VendorFinding) =>
    SEVERITIES.map((severity) => ({ severity, count: v.redFlags.filter((f) => isFinding(f) && f.severity === severity).length })).filter((f) => f.count > 0);
  let rank = 0;
  const ranked: RankedRow[] = assessed.map((v, i) => {
    if (i === 0 || assessed[i - 1]!.score !== v.score) rank = i + 1;
    const old = before.get(v.id);
    return {
      rank,
      id: v.id,
      name: v.name,
      category: v.category,
      categoryLabel: categoryLabel(v.category, v.categoryLabel),
      score: v.score!,
      verdict: v.verdict,
      verdictLabel: labels(v.verdict),
      risk: v.risk ? { rating: v.risk.rating, label: riskLabels(v.risk.rating) } : undefined,
      confidence: v.confidence,
      completeness: v.completeness,
      change: old && comparable && old.score !== null ? round1(v.score! - old.score) : null,
      spend: v.spend,
      renewal: v.renewal,
      flags: flagCounts(v),
    };
  });
  const unassessed: UnassessedRow[] = sorted
    .filter((v) => v.score === null)
    .map((v) => ({
      id: v.id,
      name: v.name,
      categoryLabel: categoryLabel(v.category, v.categoryLabel),
      decisive: v.decisive,
      completeness: v.completeness,
      spend: v.spend,
      renewal: v.renewal,
      flags: flagCounts(v),
    }));
  // Spend compared across vendors in one currency where the rates allow, as it is written otherwise.
  const spendValue = (spend: Money | undefined) => (spend ? toBase(spend, rates).amount : 0);

  const verdictOrder = [...scale.order, NOT_ASSESSED.id];
  const seenVerdicts = [...new Set([...verdictOrder, ...current.vendors.map((v) => v.verdict)])];
  const byVerdict = seenVerdicts
    .map((verdict) => {
      const vendors = current.vendors.filter((v) => v.verdict === verdict);
      return {
        verdict,
        label: labels(verdict),
        count: vendors.length,
        spend: spendOf(vendors, rates).map(({ currency, total }) => ({ currency, amount: total })),
      };
    })
    .filter((v) => v.verdict !== NOT_ASSESSED.id || v.count > 0);
  const spend = spendSummary(current.vendors, scale, rates);
  const riskOrder = riskScale.order;
  const rated = current.vendors.filter((v) => v.risk);
  const byRisk = rated.length
    ? [...new Set([...riskOrder, NOT_ASSESSED.id, ...rated.map((v) => v.risk!.rating)])]
        .map((rating) => ({ rating, label: riskLabels(rating), count: rated.filter((v) => v.risk!.rating === rating).length }))
        .filter((r) => r.count > 0)
    : [];
  const flagCount = criticalCounts(current.vendors);

  const flags = SEVERITIES.map((severity) => ({
    severity,
    items: sorted.flatMap((v) =>
      v.redFlags
        .filter((f) => isFinding(f) && f.severity === severity)
        .map((f) => ({ vendor: v.id, vendorName: v.name, id: f.id, title: f.title, rating: f.rating ?? 'legitimacy' })),
    ),
  })).filter((group) => group.items.length > 0);

  const asks = sorted.map((v) => ({ vendor: v, open: openQuestionsOf(v) }));
  const open = openItems(asks, questionnaire);
  const allActions = actionsFor(sorted, before, comparable ? previous?.period : undefined, questionnaire, scale, riskScale, spendValue);
  const roadmap = roadmapItems(current, previous, sorted);
  const ends = topAndWorst(ranked, top);
  const shownVerdicts = [...scale.order, ...new Set(ranked.map((r) => r.verdict).filter((v) => !scale.order.includes(v)))];
  const spendOfVendor = new Map(current.vendors.map((v) => [v.id, v.spend]));
  const usedCurrencies = [...new Set(current.vendors.flatMap((v) => (v.spend ? [v.spend.currency] : [])))];
  return {
    period: current.period,
    stack: input.stack,
    previousPeriod: previous?.period,
    changesComparable: comparable,
    questionnaire: { id: current.questionnaire.id, version: current.questionnaire.version, title: questionnaire?.title },
    verdicts: scale.order.map((id) => ({ id, label: scale.label(id), tone: scale.tone(id), needsAction: scale.needsAction(id) })),
    thresholds: scale.thresholds,
    glance: {
      vendors: current.vendors.length,
      assessed: assessed.length,
      byVerdict,
      spend,
      byRisk,
      flags: flagCount,
      open: asks.reduce((n, a) => n + questionsToAsk(a.open), 0),
    },
    ranked,
    unassessed,
    flags,
    // The largest spend first: where a contradicted claim costs most.
    claims: stableSortBy(contradictedClaims(sorted), (c) => -spendValue(spendOfVendor.get(c.vendor))),
    open,
    roadmap,
    coverage: MARTECH_CATEGORIES.map((c) => {
      const vendors = sorted.filter((v) => v.category === c.id).map((v) => ({ id: v.id, name: v.name, verdict: v.verdict, verdictLabel: labels(v.verdict) }));
      const status = coverageStatus(
        vendors.map((v) => v.verdict),
        scale.vetted,
      );
      return {
        category: c.id,
        label: c.label,
        vendors,
        vetted: status === 'vetted',
        status,
        byVerdict: verdictOrder.map((verdict) => vendors.filter((v) => v.verdict === verdict).length),
      };
    }),
    actions: allActions.slice(0, limit),
    moreActions: Math.max(0, allActions.length - limit),
    top,
    limit,
    ends: {
      top: ends.top,
      worst: ends.worst,
      between: ends.between.length
        ? {
            ...summarise(
              ends.between,
              shownVerdicts,
              MARTECH_CATEGORIES.map((c) => c.id),
            ),
            verdicts: shownVerdicts.map((id) => ({ id, label: labels(id) })),
          }
        : undefined,
    },
    unassessedByRenewal: [...unassessed].sort((a, b) =>
      compareUrgency(
        { ...a, vendor: a.id, vendorName: a.name, spend: spendValue(a.spend), rank: 0 },
        { ...b, vendor: b.id, vendorName: b.name, spend: spendValue(b.spend), rank: 0 },
      ),
    ),
    flagGroups: flags.map((group) => {
      // By flag id: a flag raised once per claim ("Claim contradicted by the record: "…"") is one row,
      // under the words its titles share; the claims themselves are listed in their own section.
      const byFlag = new Map<
        string,
        { id: string; title: string; titles: Set<string>; rating: RatingKind; vendors: { id: string; name: string }[]; seen: Set<string> }
      >();
      for (const f of group.items) {
        let entry = byFlag.get(f.id);
        if (!entry) byFlag.set(f.id, (entry = { id: f.id, title: f.title, titles: new Set(), rating: f.rating, vendors: [], seen: new Set() }));
        entry.titles.add(f.title);
        if (!entry.seen.has(f.vendor)) {
          // (Vendors come in ranking order here; sorted by spend below.)
          entry.seen.add(f.vendor);
          entry.vendors.push({ id: f.vendor, name: f.vendorName });
        }
      }
      for (const entry of byFlag.values()) if (entry.titles.size > 1) entry.title = sharedTitle([...entry.titles]);
      // Each flag's vendors, the largest spend first.
      const flagRows = [...byFlag.values()].map(({ id, title, rating, vendors }) => ({
        id,
        title,
        rating,
        vendors: stableSortBy(vendors, (v) => -spendValue(spendOfVendor.get(v.id))),
      }));
      return {
        severity: group.severity,
        findings: group.items.length,
        vendors: new Set(group.items.map((f) => f.vendor)).size,
        flags: flagRows.sort((a, b) => b.vendors.length - a.vendors.length || a.title.localeCompare(b.title)),
      };
    }),
    exchange: rates
      ? {
          base: rates.base,
          asOf: rates.asOf,
          used: usedCurrencies
            .filter((c) => c !== rates.base && rateOf(c, rates) !== undefined)
            .sort()
            .map((currency) => ({ currency, rate: rateOf(currency, rates)! })),
        }
      : undefined,
    summary: {
      asOf: today,
      actions: firstPerVendor(allActions, SUMMARY_ACTIONS),
      renewals: today ? renewalsSoon(sorted, today, allActions, labels, rates) : undefined,
      changes: previous ? changesSince(current, previous, comparable, scale, rates, roadmap) : undefined,
    },
  };
}

/** The first action of each of the first `n` vendors: the summary names three vendors, not one twice. */
export function firstPerVendor(actions: readonly Action[], n: number): Action[] {
  const seen = new Set<string>();
  const out: Action[] = [];
  for (const a of actions) {
    if (out.length === n) break;
    if (seen.has(a.vendor)) continue;
    seen.add(a.vendor);
    out.push(a);
  }
  return out;
}

/** Weak: spend in assessed vendors whose verdict is in the lower half of the scale; not assessed apart. */
function spendSummary(vendors: readonly VendorFinding[], scale: VerdictScale, rates: ExchangeRates | undefined): ReportModel['glance']['spend'] {
  const spendIn = (list: readonly VendorFinding[], currency: string) => spendOf(list, rates).find((s) => s.currency === currency)?.total ?? 0;
  const weakVendors = vendors.filter((v) => v.score !== null && scale.needsAction(v.verdict));
  const notAssessed = vendors.filter((v) => v.score === null);
  return spendOf(vendors, rates).map(({ currency, total }) => {
    const weak = spendIn(weakVendors, currency);
    return { currency, total, weak, share: total ? weak / total : 0, notAssessed: spendIn(notAssessed, currency) };
  });
}

function criticalCounts(vendors: readonly VendorFinding[]): Record<Severity, number> {
  return Object.fromEntries(
    SEVERITIES.map((s) => [s, vendors.reduce((n, v) => n + v.redFlags.filter((f) => isFinding(f) && f.severity === s).length, 0)]),
  ) as Record<Severity, number>;
}

function renewalsSoon(
  vendors: readonly VendorFinding[],
  today: string,
  actions: readonly Action[],
  labels: (verdict: string) => string,
  rates: ExchangeRates | undefined,
): NonNullable<ReportModel['summary']['renewals']> {
  const firstAction = new Map<string, ActionKind>();
  for (const a of [...actions].sort((x, y) => ACTION_ORDER.indexOf(x.kind) - ACTION_ORDER.indexOf(y.kind)))
    if (!firstAction.has(a.vendor)) firstAction.set(a.vendor, a.kind);
  const soon = renewingWithin(
    vendors.map((v) => ({ v, renewal: v.renewal, name: v.name, spend: v.spend ? toBase(v.spend, rates).amount : 0 })),
    today,
    RENEWAL_WINDOW_DAYS,
  );
  const items: Renewal[] = soon.map(({ v }) => ({
    vendor: v.id,
    vendorName: v.name,
    renewal: v.renewal!,
    days: daysBetween(today, v.renewal!),
    verdict: v.verdict,
    verdictLabel: labels(v.verdict),
    spend: v.spend,
    next: firstAction.get(v.id),
  }));
  const rest = items.slice(SUMMARY_RENEWALS);
  return {
    until: addDays(today, RENEWAL_WINDOW_DAYS),
    days: RENEWAL_WINDOW_DAYS,
    items: items.slice(0, SUMMARY_RENEWALS),
    more: rest.length,
    moreSpend: totals(
      rest.map((r) => r.spend),
      rates,
    ),
  };
}

function changesSince(
  current: Findings,
  previous: Findings,
  comparable: boolean,
  scale: VerdictScale,
  rates: ExchangeRates | undefined,
  roadmap: ReportModel['roadmap'],
): Changes {
  const before = new Map(previous.vendors.map((v) => [v.id, v]));
  const now = new Set(current.vendors.map((v) => v.id));
  const place = (verdict: string) => scale.order.indexOf(verdict);
  const moves: (VerdictMove & { by: number; up: boolean })[] = [];
  if (comparable) {
    for (const v of current.vendors) {
      const old = before.get(v.id);
      if (!old || old.verdict === v.verdict || place(old.verdict) === -1 || place(v.verdict) === -1) continue;
      moves.push({
        vendor: v.id,
        vendorName: v.name,
        from: scale.label(old.verdict),
        to: scale.label(v.verdict),
        up: place(v.verdict) < place(old.verdict),
        by: Math.abs((v.score ?? 0) - (old.score ?? 0)),
      });
    }
  }
  const order = (a: { by: number; vendorName: string }, b: { by: number; vendorName: string }) => b.by - a.by || a.vendorName.localeCompare(b.vendorName);
  const strip = ({ vendor, vendorName, from, to }: VerdictMove) => ({ vendor, vendorName, from, to });
  // The share of spend in the lower verdicts, then and now, where each quarter adds up to one figure.
  const share = (f: Findings) => {
    const s = spendSummary(f.vendors, snapshotScale(f), rates);
    return s.length === 1 ? s[0]!.share : undefined;
  };
  const shareNow = share(current);
  const shareBefore = comparable ? share(previous) : undefined;
  const count = (kind: ReportModel['roadmap'][number]['kind']) => roadmap.filter((r) => r.kind === kind).length;
  return {
    previousPeriod: previous.period,
    comparable,
    up: moves
      .filter((m) => m.up)
      .sort(order)
      .map(strip),
    down: moves
      .filter((m) => !m.up)
      .sort(order)
      .map(strip),
    added: current.vendors
      .filter((v) => !before.has(v.id))
      .sort(compareFindings)
      .map((v) => ({ vendor: v.id, vendorName: v.name, verdictLabel: scale.label(v.verdict) })),
    dropped: previous.vendors
      .filter((v) => !now.has(v.id))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((v) => ({ vendor: v.id, vendorName: v.name })),
    critical: { now: criticalCounts(current.vendors).critical, before: criticalCounts(previous.vendors).critical },
    weakShare: shareNow !== undefined && shareBefore !== undefined ? { now: shareNow, before: shareBefore } : undefined,
    roadmap: { delivered: count('delivered'), slipped: count('slipped'), dropped: count('dropped'), withdrawn: count('withdrawn') },
  };
}

function spendOf(vendors: readonly VendorFinding[], rates: ExchangeRates | undefined): { currency: string; total: number }[] {
  return totals(
    vendors.map((v) => v.spend),
    rates,
  ).map(({ currency, amount }) => ({ currency, total: amount }));
}

function questionText(questionnaire: Questionnaire | undefined): (id: string) => string {
  const index = questionnaire ? indexQuestionnaire(questionnaire) : undefined;
  return (id) => index?.byId.get(id)?.question.text ?? id;
}

function contradictedClaims(vendors: readonly VendorFinding[]): ContradictedClaim[] {
  return vendors.flatMap((v) =>
    (v.claims ?? [])
      .filter((c) => c.checks.some((k) => k.outcome === 'contradicted'))
      .map((c) => ({
        vendor: v.id,
        vendorName: v.name,
        text: c.text,
        source: c.source,
        date: c.date,
        checks: c.checks.filter((k) => k.outcome === 'contradicted').map((k) => `${k.question} ${k.asserts}: found ${k.found ?? 'otherwise'}`),
      })),
  );
}

/** What to put to each vendor, as every output gives it (open-questions.ts), in the words of the questions. */
function openItems(asks: readonly { vendor: VendorFinding; open: readonly OpenQuestion[] }[], questionnaire: Questionnaire | undefined): OpenItem[] {
  const text = questionText(questionnaire);
  return asks.flatMap(({ vendor: v, open }) => open.map((o) => ({ vendor: v.id, vendorName: v.name, ask: o.questions.map(text), why: o.why })));
}

const ACTION_ORDER: ActionKind[] = ['retire', 'renegotiate', 'interview', 'ask-for-evidence', 'monitor'];
const EVIDENCE_STATES: Record<string, string> = {
  unverified: 'claimed, not shown',
  'late-evidence': 'evidence dated after the claim',
  'expired-evidence': 'evidence expired',
};

/**
 * What to do next, each item traceable to the finding it rests on; the costliest first.
 * `previousPeriod` only when the previous snapshot compares like for like.
 */
function actionsFor(
  vendors: readonly VendorFinding[],
  before: Map<string, VendorFinding>,
  previousPeriod: string | undefined,
  questionnaire: Questionnaire | undefined,
  scale: VerdictScale,
  riskScale: VerdictScale,
  spendValue: (spend: Money | undefined) => number,
): Action[] {
  const labels = scale.label;
  const riskLabels = riskScale.label;
  const text = questionText(questionnaire);
  const actions: Action[] = [];
  const flagLine = (f: FlagResult) => `red flag ${f.id}: ${f.title}`;
  for (const v of vendors) {
    const base = { vendor: v.id, vendorName: v.name, renewal: v.renewal, spend: v.spend };
    const renewal = v.renewal ? ` before its renewal on ${v.renewal}` : '';
    const findings = v.redFlags.filter(isFinding);
    const critical = findings.filter((f) => f.severity === 'critical');
    const riskLine =
      v.risk && v.risk.rating !== NOT_ASSESSED.id
        ? [`risk ${riskLabels(v.risk.rating)}${v.risk.safeguards === null ? '' : ` (safeguards ${v.risk.safeguards})`}`]
        : [];
    if (v.score === null) {
      // No verdict: too little is known. The next step is to find out, never to retire.
      const d = v.decisive;
      actions.push({
        ...base,
        kind: 'interview',
        text: `${v.name}${renewal}: too little is known for a verdict${d ? ` (${d.answered} of the ${d.required} decisive answers needed)` : ''}.`,
        reason: `too little is known for a verdict${d ? ` (${d.answered} of the ${d.required} decisive answers needed)` : ''}`,
        because: [
          `verdict ${labels(v.verdict)}`,
          ...(d ? [`decisive questions answered or declined: ${d.answered} of ${d.applicable} that apply, ${d.required} needed`] : []),
          ...critical.map(flagLine),
        ],
      });
      continue;
    }
    // The lowest verdict of the scale: the claims are not backed; the one above it: thin substance.
    if (scale.tone(v.verdict) === 'worst') {
      actions.push({
        ...base,
        kind: 'retire',
        text: `${v.name}${renewal}: its AI claims are not backed.`,
        reason: 'its AI claims are not backed',
        because: [`verdict ${labels(v.verdict)} (${v.score})`, ...critical.map(flagLine)],
      });
      continue;
    }
    const seriousRisk = v.risk !== undefined && riskScale.needsAction(v.risk.rating);
    const poor = scale.tone(v.verdict) === 'poor';
    if (poor || critical.length > 0 || seriousRisk) {
      const high = findings.filter((f) => f.severity === 'high');
      const grounds = (critical.length ? critical : high).map((f) => f.title);
      const why = grounds.join('; ') || (poor ? 'thin substance behind the claims' : `${riskLabels(v.risk!.rating).toLowerCase()} of relying on it`);
      actions.push({
        ...base,
        kind: 'renegotiate',
        text: `${v.name}${v.renewal ? ` at renewal (${v.renewal})` : ''}: pay for what is proven and write in exit terms (${why}).`,
        reason: `pay for what is proven and write in exit terms (${grounds.length ? firstOf(grounds, 2, 'more finding') : why})`,
        because: [
          `verdict ${labels(v.verdict)} (${v.score})`,
          ...riskLine,
          ...findings.filter((f) => f.severity === 'critical' || f.severity === 'high').map(flagLine),
        ],
      });
    }
    const missing = Object.entries(v.questions)
      .map(([id, line]) => ({ id, ...parseQuestionLine(line) }))
      .filter((q) => EVIDENCE_STATES[q.state] && q.possible > q.points)
      .sort((a, b) => b.possible - b.points - (a.possible - a.points) || (a.id < b.id ? -1 : 1))
      .slice(0, 3);
    if (missing.length) {
      actions.push({
        ...base,
        kind: 'ask-for-evidence',
        text: `${v.name}: ${missing.map((q) => text(q.id)).join(' · ')}`,
        reason: `claimed, not shown: ${firstOf(
          missing.map((q) => text(q.id)),
          1,
          'more answer',
        )}`,
        because: missing.map(
          (q) => `${q.id}: ${EVIDENCE_STATES[q.state]} (${round2(q.possible - q.points)} point${q.possible - q.points === 1 ? '' : 's'} at stake)`,
        ),
      });
    }
    const old = before.get(v.id);
    const fell = old && previousPeriod && old.score !== null ? round1(old.score - v.score) : 0;
    const high = findings.filter((f) => f.severity === 'high');
    if (scale.vetted(v.verdict) && (fell >= 3 || high.length > 0)) {
      actions.push({
        ...base,
        kind: 'monitor',
        text: `${v.name}: ${[fell >= 3 ? `down ${fell} points since ${previousPeriod}` : '', ...high.map((f) => f.title)].filter(Boolean).join('; ')}.`,
        reason: firstOf([fell >= 3 ? `down ${fell} points since ${previousPeriod}` : '', ...high.map((f) => f.title)].filter(Boolean), 2, 'more finding'),
        because: [...(fell >= 3 ? [`score ${old!.score} → ${v.score}`] : []), ...high.map(flagLine)],
      });
    }
  }
  return orderActions(actions, spendValue);
}

/**
 * What matters first: the soonest renewal (the date the decision is due), then the largest spend
 * (in one currency where the rates allow); a vendor's own actions together, the most serious first.
 */
export function orderActions(actions: readonly Action[], spendValue: (spend: Money | undefined) => number = (s) => s?.amount ?? 0): Action[] {
  const key = (a: Action) => ({
    renewal: a.renewal,
    spend: spendValue(a.spend),
    vendor: a.vendor,
    vendorName: a.vendorName,
    rank: ACTION_ORDER.indexOf(a.kind),
  });
  return actions
    .map((a) => ({ a, k: key(a) }))
    .sort((x, y) => compareUrgency(x.k, y.k))
    .map(({ a }) => a);
}

function roadmapItems(current: Findings, previous: Findings | undefined, vendors: readonly VendorFinding[]): ReportModel['roadmap'] {
  const items: ReportModel['roadmap'] = [];
  const changes = previous ? new Map(diffFindings(previous, current).vendors.map((v) => [v.id, v.roadmap])) : new Map<string, CommitmentChange[]>();
  for (const v of vendors) {
    const base = { vendor: v.id, vendorName: v.name };
    for (const c of v.roadmap) {
      const promised = c.revisedDue ?? c.due;
      if ((c.state === 'on-time' || c.state === 'late') && c.deliveredIn === current.period) {
        items.push({
          ...base,
          kind: 'delivered',
          id: c.id,
          title: c.title,
          note: c.state === 'on-time' ? 'on time' : `${c.quartersLate} quarter${c.quartersLate === 1 ? '' : 's'} late`,
        });
      } else if (c.state === 'pending' && promised === current.period) {
        items.push({ ...base, kind: 'due', id: c.id, title: c.title, note: `due ${current.period}` });
      } else if (c.state === 'slipped' || c.state === 'overdue') {
        items.push({
          ...base,
          kind: 'slipped',
          id: c.id,
          title: c.title,
          note: `first due ${c.due}, ${c.quartersLate} quarter${c.quartersLate === 1 ? '' : 's'} late${c.state === 'slipped' ? `, now promised for ${c.revisedDue}` : ', overdue'}`,
        });
      } else if (c.state === 'dropped' && changes.get(v.id)?.some((x) => x.id === c.id && x.change === 'dropped')) {
        items.push({ ...base, kind: 'dropped', id: c.id, title: c.title, note: `was due ${c.due}` });
      }
    }
    for (const c of changes.get(v.id) ?? []) {
      if (c.change === 'withdrawn')
        items.push({
          ...base,
          kind: 'withdrawn',
          id: c.id,
          title: c.title,
          note: `was due ${c.before?.revisedDue ?? c.before?.due}; gone from the vendor's file without delivery`,
        });
    }
  }
  const order = ['slipped', 'withdrawn', 'dropped', 'due', 'delivered'];
  return items.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** Sorted by `key`, ties in their order. */
function stableSortBy<T>(items: readonly T[], key: (item: T) => number): T[] {
  return items
    .map((item, i) => ({ item, i, k: key(item) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map(({ item }) => item);
}

/** What the titles of one flag raised several times share: the words before their first colon, else the first title. */
function sharedTitle(titles: readonly string[]): string {
  const head = (t: string) => (t.includes(': ') ? t.slice(0, t.indexOf(': ')) : t);
  const first = head(titles[0]!);
  return titles.every((t) => head(t) === first) ? first : titles[0]!;
}

/** "a; b and 3 more findings": the first `n` items, the rest counted. */
function firstOf(items: readonly string[], n: number, more: string): string {
  const rest = items.length - n;
  return `${items.slice(0, n).join('; ')}${rest > 0 ? ` and ${rest} ${more}${rest === 1 ? '' : 's'}` : ''}`;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
