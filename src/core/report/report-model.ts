import { parseQuestionLine } from '../findings/build-findings.js';
import { categoryLabel, MARTECH_CATEGORIES } from '../martech-categories.js';
import type { Findings, VendorFinding } from '../schema/findings.js';
import { SEVERITIES, verdictsOf, type Questionnaire, type Severity } from '../schema/questionnaire.js';
import { diffFindings, type CommitmentChange } from '../tracking/diff-findings.js';

// The numbers behind the executive report, worked out once from the findings: pure data that
// the HTML and Markdown renderers only lay out.

export const WEAK_VERDICTS: ReadonlySet<string> = new Set(['weak', 'unsubstantiated']);
const VETTED_VERDICTS: ReadonlySet<string> = new Set(['substantiated', 'plausible']);

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
  confidence: number | null;
  completeness: number;
  /** Score change since the previous snapshot; null when new, or not comparable. */
  change: number | null;
  spend?: { amount: number; currency: string } | undefined;
  renewal?: string | undefined;
  flags: { severity: Severity; count: number }[];
}

export type ActionKind = 'retire' | 'renegotiate' | 'ask-for-evidence' | 'monitor';

export const ACTION_VERBS: Record<ActionKind, string> = { retire: 'Retire or replace', renegotiate: 'Renegotiate', 'ask-for-evidence': 'Ask for evidence from', monitor: 'Monitor' };

export interface Action {
  kind: ActionKind;
  vendor: string;
  vendorName: string;
  text: string;
  /** What to do, after the action's verb (see ACTION_VERBS): "Campaignly BV before its renewal on …". */
  because: string[];
}

export interface ReportModel {
  period: string;
  previousPeriod?: string | undefined;
  /** False when the previous snapshot was scored with another questionnaire. */
  changesComparable: boolean;
  questionnaire: { id: string; version: string; title?: string | undefined };
  glance: {
    vendors: number;
    byVerdict: { verdict: string; label: string; count: number; spend: { currency: string; amount: number }[] }[];
    spend: { currency: string; total: number; weak: number; share: number }[];
    flags: Record<Severity, number>;
  };
  ranked: RankedRow[];
  flags: { severity: Severity; items: { vendor: string; vendorName: string; id: string; title: string }[] }[];
  roadmap: { kind: 'delivered' | 'due' | 'slipped' | 'dropped' | 'withdrawn'; vendor: string; vendorName: string; id: string; title: string; note: string }[];
  coverage: { category: string; label: string; vendors: { id: string; name: string; verdict: string }[]; vetted: boolean }[];
  actions: Action[];
  /** Actions left out of the short list, counted. */
  moreActions: number;
}

const MAX_ACTIONS = 12;

export function reportModel(input: ReportInput): ReportModel {
  const { current, previous, questionnaire } = input;
  const labels = verdictLabels(questionnaire);
  const comparable = previous !== undefined && previous.questionnaire.hash === current.questionnaire.hash;
  const before = new Map((previous?.vendors ?? []).map((v) => [v.id, v]));
  const sorted = [...current.vendors].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  let rank = 0;
  const ranked: RankedRow[] = sorted.map((v, i) => {
    if (i === 0 || sorted[i - 1]!.score !== v.score) rank = i + 1;
    const old = before.get(v.id);
    return {
      rank,
      id: v.id,
      name: v.name,
      category: v.category,
      categoryLabel: categoryLabel(v.category),
      score: v.score,
      verdict: v.verdict,
      verdictLabel: labels(v.verdict),
      confidence: v.confidence,
      completeness: v.completeness,
      change: old && comparable ? round1(v.score - old.score) : null,
      spend: v.spend,
      renewal: v.renewal,
      flags: SEVERITIES.map((severity) => ({ severity, count: v.redFlags.filter((f) => f.severity === severity).length })).filter((f) => f.count > 0),
    };
  });

  const verdictOrder = questionnaire ? verdictsOf(questionnaire).verdicts.map((v) => v.id) : ['substantiated', 'plausible', 'weak', 'unsubstantiated'];
  const seenVerdicts = [...new Set([...verdictOrder, ...current.vendors.map((v) => v.verdict)])];
  const byVerdict = seenVerdicts.map((verdict) => {
    const vendors = current.vendors.filter((v) => v.verdict === verdict);
    return { verdict, label: labels(verdict), count: vendors.length, spend: spendOf(vendors).map(({ currency, total }) => ({ currency, amount: total })) };
  });
  const spend = spendOf(current.vendors).map(({ currency, total }) => {
    const weak = spendOf(current.vendors.filter((v) => WEAK_VERDICTS.has(v.verdict))).find((s) => s.currency === currency)?.total ?? 0;
    return { currency, total, weak, share: total ? weak / total : 0 };
  });
  const flagCount = Object.fromEntries(SEVERITIES.map((s) => [s, current.vendors.reduce((n, v) => n + v.redFlags.filter((f) => f.severity === s).length, 0)])) as Record<Severity, number>;

  const flags = SEVERITIES.map((severity) => ({
    severity,
    items: sorted.flatMap((v) => v.redFlags.filter((f) => f.severity === severity).map((f) => ({ vendor: v.id, vendorName: v.name, id: f.id, title: f.title }))),
  })).filter((group) => group.items.length > 0);

  const allActions = actionsFor(sorted, before, comparable ? previous?.period : undefined, questionnaire, labels);
  return {
    period: current.period,
    previousPeriod: previous?.period,
    changesComparable: comparable,
    questionnaire: { id: current.questionnaire.id, version: current.questionnaire.version, title: questionnaire?.title },
    glance: { vendors: current.vendors.length, byVerdict, spend, flags: flagCount },
    ranked,
    flags,
    roadmap: roadmapItems(current, previous, sorted),
    coverage: MARTECH_CATEGORIES.map((c) => {
      const vendors = sorted.filter((v) => v.category === c.id).map((v) => ({ id: v.id, name: v.name, verdict: v.verdict }));
      return { category: c.id, label: c.label, vendors, vetted: vendors.some((v) => VETTED_VERDICTS.has(v.verdict)) };
    }),
    actions: allActions.slice(0, MAX_ACTIONS),
    moreActions: Math.max(0, allActions.length - MAX_ACTIONS),
  };
}

function verdictLabels(questionnaire: Questionnaire | undefined): (id: string) => string {
  const bands = questionnaire ? verdictsOf(questionnaire).verdicts : [];
  return (id) => bands.find((b) => b.id === id)?.label ?? id.charAt(0).toUpperCase() + id.slice(1);
}

function spendOf(vendors: readonly VendorFinding[]): { currency: string; total: number }[] {
  const totals = new Map<string, number>();
  for (const v of vendors) if (v.spend) totals.set(v.spend.currency, (totals.get(v.spend.currency) ?? 0) + v.spend.amount);
  return [...totals].map(([currency, total]) => ({ currency, total })).sort((a, b) => b.total - a.total || (a.currency < b.currency ? -1 : 1));
}

const ACTION_ORDER: ActionKind[] = ['retire', 'renegotiate', 'ask-for-evidence', 'monitor'];
const EVIDENCE_STATES: Record<string, string> = { unverified: 'claimed, not shown', 'late-evidence': 'evidence dated after the claim', 'expired-evidence': 'evidence expired' };

/** What to do next, each item traceable to the finding it rests on; the costliest first. */
/** `previousPeriod` only when the previous snapshot compares like for like. */
function actionsFor(vendors: readonly VendorFinding[], before: Map<string, VendorFinding>, previousPeriod: string | undefined, questionnaire: Questionnaire | undefined, labels: (id: string) => string): Action[] {
  const text = (id: string) => questionnaire?.sections.flatMap(function all(s): { id: string; text: string }[] {
    return [...(s.questions ?? []), ...(s.sections ?? []).flatMap(all)];
  }).find((q) => q.id === id)?.text;
  const actions: Action[] = [];
  for (const v of vendors) {
    const base = { vendor: v.id, vendorName: v.name };
    const renewal = v.renewal ? ` before its renewal on ${v.renewal}` : '';
    const critical = v.redFlags.filter((f) => f.severity === 'critical');
    if (v.verdict === 'unsubstantiated') {
      actions.push({ ...base, kind: 'retire', text: `${v.name}${renewal}: its AI claims are not backed.`, because: [`verdict ${labels(v.verdict)} (${v.score})`, ...critical.map((f) => `red flag ${f.id}: ${f.title}`)] });
      continue;
    }
    if (v.verdict === 'weak' || critical.length > 0) {
      const high = v.redFlags.filter((f) => f.severity === 'high');
      const why = (critical.length ? critical : high).map((f) => f.title).join('; ') || 'thin substance behind the claims';
      actions.push({ ...base, kind: 'renegotiate', text: `${v.name}${v.renewal ? ` at renewal (${v.renewal})` : ''}: pay for what is proven and write in exit terms (${why}).`, because: [`verdict ${labels(v.verdict)} (${v.score})`, ...v.redFlags.filter((f) => f.severity === 'critical' || f.severity === 'high').map((f) => `red flag ${f.id}: ${f.title}`)] });
    }
    const missing = Object.entries(v.questions)
      .map(([id, line]) => ({ id, ...parseQuestionLine(line) }))
      .filter((q) => EVIDENCE_STATES[q.state] && q.possible > q.points)
      .sort((a, b) => b.possible - b.points - (a.possible - a.points) || (a.id < b.id ? -1 : 1))
      .slice(0, 3);
    if (missing.length && v.verdict !== 'unsubstantiated') {
      actions.push({
        ...base,
        kind: 'ask-for-evidence',
        text: `${v.name}: ${missing.map((q) => text(q.id) ?? q.id).join(' · ')}`,
        because: missing.map((q) => `${q.id}: ${EVIDENCE_STATES[q.state]} (${round2(q.possible - q.points)} point${q.possible - q.points === 1 ? '' : 's'} at stake)`),
      });
    }
    const old = before.get(v.id);
    const fell = old && previousPeriod ? round1(old.score - v.score) : 0;
    const high = v.redFlags.filter((f) => f.severity === 'high');
    if (VETTED_VERDICTS.has(v.verdict) && (fell >= 3 || high.length > 0)) {
      actions.push({
        ...base,
        kind: 'monitor',
        text: `${v.name}: ${[fell >= 3 ? `down ${fell} points since ${previousPeriod}` : '', ...high.map((f) => f.title)].filter(Boolean).join('; ')}.`,
        because: [...(fell >= 3 ? [`score ${old!.score} → ${v.score}`] : []), ...high.map((f) => `red flag ${f.id}: ${f.title}`)],
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
