import type { Findings } from '../schema/findings.js';
import { DEFAULT_RISK_BANDS, DEFAULT_VERDICTS, NOT_ASSESSED, riskBandsOf, verdictsOf, type Questionnaire, type VerdictBand } from '../schema/questionnaire.js';

// A questionnaire's verdicts as a scale, best first, whatever they are called: four bands, five,
// or two. Renderers colour and fill a verdict by its place on the scale, and the report calls for
// action on the lower half, so that no renderer knows the default questionnaire's verdict names.

/** `best` and `worst` are the ends of the scale; `good` the upper half, `poor` the lower. */
export type Tone = 'best' | 'good' | 'poor' | 'worst';

export interface VerdictScale {
  /** Verdict ids, best first; "not assessed" is not on the scale. */
  order: string[];
  tone: (verdict: string) => Tone | undefined;
  label: (verdict: string) => string;
  /** A one- or two-letter mark for each verdict (S, P, W, U; N for not assessed), unique on the scale. */
  letter: (verdict: string) => string;
  /** The verdict is in the lower half of the scale: a reason to act before renewal. */
  needsAction: (verdict: string) => boolean;
  /** The verdict is in the upper half: the claims are backed enough to rely on. */
  vetted: (verdict: string) => boolean;
  /** Where each band starts on the 0–100 score, lowest band (from 0) left out: the chart's reference lines. */
  thresholds: number[];
}

/** `bands` best first, as a questionnaire lists them (each one's `min` below the one before). */
export function verdictScale(bands: readonly Pick<VerdictBand, 'id' | 'label' | 'min'>[]): VerdictScale {
  const order = bands.map((b) => b.id);
  const labels = new Map<string, string>([...bands.map((b) => [b.id, b.label] as const), [NOT_ASSESSED.id, NOT_ASSESSED.label]]);
  const tones = new Map<string, Tone>();
  order.forEach((id, i) => {
    const at = order.length === 1 ? 0 : i / (order.length - 1);
    tones.set(id, at === 0 ? 'best' : at === 1 ? 'worst' : at <= 0.5 ? 'good' : 'poor');
  });
  const letters = new Map<string, string>([[NOT_ASSESSED.id, 'N']]);
  const used = new Set(['N']);
  for (const b of bands) {
    const initials = [...b.label.toUpperCase()].filter((c) => /[A-Z0-9]/.test(c));
    const pick = initials.find((c) => !used.has(c)) ?? `${initials[0] ?? '?'}${order.indexOf(b.id) + 1}`;
    used.add(pick);
    letters.set(b.id, pick);
  }
  return {
    order,
    tone: (verdict) => tones.get(verdict),
    // A verdict not on the scale (an older snapshot's) is shown by its id, in words.
    label: (verdict) => labels.get(verdict) ?? verdict.charAt(0).toUpperCase() + verdict.slice(1).replace(/-/g, ' '),
    letter: (verdict) => letters.get(verdict) ?? verdict,
    needsAction: (verdict) => tones.get(verdict) === 'poor' || tones.get(verdict) === 'worst',
    vetted: (verdict) => tones.get(verdict) === 'best' || tones.get(verdict) === 'good',
    thresholds: bands
      .map((b) => b.min)
      .filter((m) => m > 0)
      .sort((a, b) => a - b),
  };
}

/**
 * The scale of a snapshot: the verdicts it records, else its questionnaire's, else (a snapshot
 * written before snapshots carried them, every verdict one of the defaults) the default verdicts.
 * With none of these the scale is empty: no verdict is coloured, and none is called for action.
 */
export function snapshotScale(findings: Pick<Findings, 'questionnaire' | 'vendors'>, questionnaire?: Questionnaire): VerdictScale {
  if (findings.questionnaire.verdicts) return verdictScale(findings.questionnaire.verdicts);
  if (questionnaire) return verdictScale(verdictsOf(questionnaire).verdicts);
  const defaults = new Set([...DEFAULT_VERDICTS.map((v) => v.id), NOT_ASSESSED.id]);
  return verdictScale(findings.vendors.every((v) => defaults.has(v.verdict)) ? DEFAULT_VERDICTS : []);
}

/**
 * The risk bands of a snapshot as a scale (lowest risk first): the bands it records, else its
 * questionnaire's, else the defaults when every rating is one of theirs. The lower half of the
 * scale (high and severe, by default) calls for action before the renewal.
 */
export function snapshotRiskScale(findings: Pick<Findings, 'questionnaire' | 'vendors'>, questionnaire?: Questionnaire): VerdictScale {
  if (findings.questionnaire.risks) return verdictScale(findings.questionnaire.risks);
  if (questionnaire) return verdictScale(riskBandsOf(questionnaire).bands);
  const defaults = new Set([...DEFAULT_RISK_BANDS.map((b) => b.id), NOT_ASSESSED.id]);
  return verdictScale(findings.vendors.every((v) => !v.risk || defaults.has(v.risk.rating)) ? DEFAULT_RISK_BANDS : []);
}
