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

// The numbers behind the executive report, worked out once from the findings: pure data that
// the HTML and Markdown renderers only lay out. A vendor not assessed is never counted as weak,
// never ranked, and its next step is an interview.


export interface ReportInput {
  current: Findings;
  /** The snapshot of the quarter before, when there is one. */
  previous?: Findings | undefined;
  /** The questionnaire the snapshot was scored with (matching its hash), for question texts and labels. */
  questionnaire?: Questionnaire | undefined;
}

export interface RankedRow {
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
export interface UnassessedRow {
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

export const ACTION_VERBS: Record<ActionKind, string> = { retire: 'Retire or replace', renegotiate: 'Renegotiate', interview: 'Interview', 'ask-for-evidence': 'Ask for evidence from', monitor: 'Monitor' };

export interface Action {
  kind: ActionKind;
  vendor: string;
  vendorName: string;
  /** What to do, after the action's verb (see ACTION_VERBS): "Campaignly BV before its renewal on …". */
  text: string;
  because: string[];
}

export interface ContradictedClaim {
  vendor: string;
  vendorName: string;
  text: string;
  source?: string | undefined;
  date?: string | undefined;
  /** "automation-rate ≥ 95 % of outputs: found 27 % of outputs (the vendor's own answer)". */
  checks: string[];
}

export interface OpenItem {
  vendor: string;
  vendorName: string;
  /** What to ask: question texts (or ids when the questionnaire is not at hand). */
  ask: string[];
  why: string;
}

export interface ReportModel {
  period: string;
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
  coverage: { category: string; label: string; vendors: { id: string; name: string; verdict: string; verdictLabel: string }[]; vetted: boolean }[];
  actions: Action[];
  /** Actions left out of the short list, counted. */
  moreActions: number;
}

const MAX_ACTIONS = 12;

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
  const { current, previous, questionnaire } = input;
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
  const flagCounts = (v: VendorFinding) => SEVERITIES.map((severity) => ({ severity, count: v.redFlags.filter((f) => isFinding(f) && f.severity === severity).length })).filter((f) => f.count > 0);
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
    .map((v) => ({ id: v.id, name: v.name, categoryLabel: categoryLabel(v.category, v.categoryLabel), decisive: v.decisive, completeness: v.completeness, spend: v.spend, renewal: v.renewal, flags: flagCounts(v) }));

  const verdictOrder = [...scale.order, NOT_ASSESSED.id];
  const seenVerdicts = [...new Set([...verdictOrder, ...current.vendors.map((v) => v.verdict)])];
  const byVerdict = seenVerdicts
    .map((verdict) => {
      const vendors = current.vendors.filter((v) => v.verdict === verdict);
      return { verdict, label: labels(verdict), count: vendors.length, spend: spendOf(vendors).map(({ currency, total }) => ({ currency, amount: total })) };
    })
    .filter((v) => v.verdict !== NOT_ASSESSED.id || v.count > 0);
  const spendIn = (vendors: readonly VendorFinding[], currency: string) => spendOf(vendors).find((s) => s.currency === currency)?.total ?? 0;
  const spend = spendOf(current.vendors).map(({ currency, total }) => {
    const weak = spendIn(assessed.filter((v) => scale.needsAction(v.verdict)), currency);
    return { currency, total, weak, share: total ? weak / total : 0, notAssessed: spendIn(current.vendors.filter((v) => v.score === null), currency) };
  });
  const riskOrder = riskScale.order;
  const rated = current.vendors.filter((v) => v.risk);
  const byRisk = rated.length
    ? [...new Set([...riskOrder, NOT_ASSESSED.id, ...rated.map((v) => v.risk!.rating)])]
        .map((rating) => ({ rating, label: riskLabels(rating), count: rated.filter((v) => v.risk!.rating === rating).length }))
        .filter((r) => r.count > 0)
    : [];
  const flagCount = Object.fromEntries(SEVERITIES.map((s) => [s, current.vendors.reduce((n, v) => n + v.redFlags.filter((f) => isFinding(f) && f.severity === s).length, 0)])) as Record<Severity, number>;

  const flags = SEVERITIES.map((severity) => ({
    severity,
    items: sorted.flatMap((v) => v.redFlags.filter((f) => isFinding(f) && f.severity === severity).map((f) => ({ vendor: v.id, vendorName: v.name, id: f.id, title: f.title, rating: f.rating ?? 'legitimacy' }))),
  })).filter((group) => group.items.length > 0);

  const asks = sorted.map((v) => ({ vendor: v, open: openQuestionsOf(v) }));
  const open = openItems(asks, questionnaire);
  const allActions = actionsFor(sorted, before, comparable ? previous?.period : undefined, questionnaire, scale, riskScale);
  return {
    period: current.period,
    previousPeriod: previous?.period,
    changesComparable: comparable,
    questionnaire: { id: current.questionnaire.id, version: current.questionnaire.version, title: questionnaire?.title },
    verdicts: scale.order.map((id) => ({ id, label: scale.label(id), tone: scale.tone(id), needsAction: scale.needsAction(id) })),
    thresholds: scale.thresholds,
    glance: { vendors: current.vendors.length, assessed: assessed.length, byVerdict, spend, byRisk, flags: flagCount, open: asks.reduce((n, a) => n + questionsToAsk(a.open), 0) },
    ranked,
    unassessed,
    flags,
    claims: contradictedClaims(sorted),
    open,
    roadmap: roadmapItems(current, previous, sorted),
    coverage: MARTECH_CATEGORIES.map((c) => {
      const vendors = sorted.filter((v) => v.category === c.id).map((v) => ({ id: v.id, name: v.name, verdict: v.verdict, verdictLabel: labels(v.verdict) }));
      return { category: c.id, label: c.label, vendors, vetted: vendors.some((v) => scale.vetted(v.verdict)) };
    }),
    actions: allActions.slice(0, MAX_ACTIONS),
    moreActions: Math.max(0, allActions.length - MAX_ACTIONS),
  };
}

function spendOf(vendors: readonly VendorFinding[]): { currency: string; total: number }[] {
  const totals = new Map<string, number>();
  for (const v of vendors) if (v.spend) totals.set(v.spend.currency, (totals.get(v.spend.currency) ?? 0) + v.spend.amount);
  return [...totals].map(([currency, total]) => ({ currency, total })).sort((a, b) => b.total - a.total || (a.currency < b.currency ? -1 : 1));
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
const EVIDENCE_STATES: Record<string, string> = { unverified: 'claimed, not shown', 'late-evidence': 'evidence dated after the claim', 'expired-evidence': 'evidence expired' };

/**
 * What to do next, each item traceable to the finding it rests on; the costliest first.
 * `previousPeriod` only when the previous snapshot compares like for like.
 */
function actionsFor(vendors: readonly VendorFinding[], before: Map<string, VendorFinding>, previousPeriod: string | undefined, questionnaire: Questionnaire | undefined, scale: VerdictScale, riskScale: VerdictScale): Action[] {
  const labels = scale.label;
  const riskLabels = riskScale.label;
  const text = questionText(questionnaire);
  const actions: Action[] = [];
  const flagLine = (f: FlagResult) => `red flag ${f.id}: ${f.title}`;
  for (const v of vendors) {
    const base = { vendor: v.id, vendorName: v.name };
    const renewal = v.renewal ? ` before its renewal on ${v.renewal}` : '';
    const findings = v.redFlags.filter(isFinding);
    const critical = findings.filter((f) => f.severity === 'critical');
    const riskLine = v.risk && v.risk.rating !== NOT_ASSESSED.id ? [`risk ${riskLabels(v.risk.rating)}${v.risk.safeguards === null ? '' : ` (safeguards ${v.risk.safeguards})`}`] : [];
    if (v.score === null) {
      // No verdict: too little is known. The next step is to find out, never to retire.
      const d = v.decisive;
      actions.push({
        ...base,
        kind: 'interview',
        text: `${v.name}${renewal}: too little is known for a verdict${d ? ` (${d.answered} of the ${d.required} decisive answers needed)` : ''}.`,
        because: [`verdict ${labels(v.verdict)}`, ...(d ? [`decisive questions answered or declined: ${d.answered} of ${d.applicable} that apply, ${d.required} needed`] : []), ...critical.map(flagLine)],
      });
      continue;
    }
    // The lowest verdict of the scale: the claims are not backed; the one above it: thin substance.
    if (scale.tone(v.verdict) === 'worst') {
      actions.push({ ...base, kind: 'retire', text: `${v.name}${renewal}: its AI claims are not backed.`, because: [`verdict ${labels(v.verdict)} (${v.score})`, ...critical.map(flagLine)] });
      continue;
    }
    const seriousRisk = v.risk !== undefined && riskScale.needsAction(v.risk.rating);
    const poor = scale.tone(v.verdict) === 'poor';
    if (poor || critical.length > 0 || seriousRisk) {
      const high = findings.filter((f) => f.severity === 'high');
      const why = (critical.length ? critical : high).map((f) => f.title).join('; ') || (poor ? 'thin substance behind the claims' : `${riskLabels(v.risk!.rating).toLowerCase()} of relying on it`);
      actions.push({
        ...base,
        kind: 'renegotiate',
        text: `${v.name}${v.renewal ? ` at renewal (${v.renewal})` : ''}: pay for what is proven and write in exit terms (${why}).`,
        because: [`verdict ${labels(v.verdict)} (${v.score})`, ...riskLine, ...findings.filter((f) => f.severity === 'critical' || f.severity === 'high').map(flagLine)],
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
        because: missing.map((q) => `${q.id}: ${EVIDENCE_STATES[q.state]} (${round2(q.possible - q.points)} point${q.possible - q.points === 1 ? '' : 's'} at stake)`),
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
        because: [...(fell >= 3 ? [`score ${old!.score} → ${v.score}`] : []), ...high.map(flagLine)],
      });
    }
  }
  const spend = (a: Action) => vendors.find((v) => v.id === a.vendor)?.spend?.amount ?? 0;
  return actions.sort((a, b) => ACTION_ORDER.indexOf(a.kind) - ACTION_ORDER.indexOf(b.kind) || spend(b) - spend(a) || a.vendorName.localeCompare(b.vendorName));
}

function roadmapItems(current: Findings, previous: Findings | undefined, vendors: readonly VendorFinding[]): ReportModel['roadmap'] {
  const items: ReportModel['roadmap'] = [];
  const changes = previous ? new Map(diffFindings(previous, current).vendors.map((v) => [v.id, v.roadmap])) : new Map<string, CommitmentChange[]>();
  for (const v of vendors) {
    const base = { vendor: v.id, vendorName: v.name };
    for (const c of v.roadmap) {
      const promised = c.revisedDue ?? c.due;
      if ((c.state === 'on-time' || c.state === 'late') && c.deliveredIn === current.period) {
        items.push({ ...base, kind: 'delivered', id: c.id, title: c.title, note: c.state === 'on-time' ? 'on time' : `${c.quartersLate} quarter${c.quartersLate === 1 ? '' : 's'} late` });
      } else if (c.state === 'pending' && promised === current.period) {
        items.push({ ...base, kind: 'due', id: c.id, title: c.title, note: `due ${current.period}` });
      } else if (c.state === 'slipped' || c.state === 'overdue') {
        items.push({ ...base, kind: 'slipped', id: c.id, title: c.title, note: `first due ${c.due}, ${c.quartersLate} quarter${c.quartersLate === 1 ? '' : 's'} late${c.state === 'slipped' ? `, now promised for ${c.revisedDue}` : ', overdue'}` });
      } else if (c.state === 'dropped' && changes.get(v.id)?.some((x) => x.id === c.id && x.change === 'dropped')) {
        items.push({ ...base, kind: 'dropped', id: c.id, title: c.title, note: `was due ${c.due}` });
      }
    }
    for (const c of changes.get(v.id) ?? []) {
      if (c.change === 'withdrawn') items.push({ ...base, kind: 'withdrawn', id: c.id, title: c.title, note: `was due ${c.before?.revisedDue ?? c.before?.due}; gone from the vendor's file without delivery` });
    }
  }
  const order = ['slipped', 'withdrawn', 'dropped', 'due', 'delivered'];
  return items.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
