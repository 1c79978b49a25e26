import { isFinding } from '../findings/flag-ref.js';
import { indexQuestionnaire } from '../questionnaire-index.js';
import type { VendorFinding } from '../schema/findings.js';
import { own } from '../schema/limits.js';
import { NOT_ASSESSED, riskBandsOf, verdictsOf, type Questionnaire, type RatingKind, type Severity, type VerdictBand } from '../schema/questionnaire.js';
import { openQuestionsOf } from './open-questions.js';
import { verdictScale, type Tone } from './verdict-scale.js';
import type { OpenQuestion, VendorScore } from './types.js';
import { tableFinding, type TableFinding } from './table-finding.js';

// The rows of a score report: each vendor's finding, ranked (highest score first, ties share a
// rank), with the labels and messages the questionnaire gives them. Vendors not assessed are not
// ranked: they come after, by name. A finding is all a report needs; the full score, with every
// reason, only when explaining.

/** A vendor's finding without its per-question lines: all a report of scores reads. */
export type FindingSummary = Omit<VendorFinding, 'questions'>;

export interface ScoreRow {
  /** Null for a vendor not assessed: it is listed apart, never ranked among the others. */
  rank: number | null;
  finding: FindingSummary;
  /** Where the vendor's answers came from, as shown to the user. */
  file: string;
  verdictLabel: string;
  /** The verdict's place on the questionnaire's scale, for its colour. */
  verdictTone: Tone | undefined;
  /** The verdict the points alone give, when a red flag held the vendor below it. */
  pointsVerdict?: { id: string; label: string } | undefined;
  /** Findings: flags on recorded answers. */
  flags: { id: string; severity: Severity; title: string; message: string; rating: RatingKind; subject?: string | undefined }[];
  /** What to put to the vendor: decisive questions not asked, flags waiting on answers, claims nothing settles. */
  toAsk: OpenQuestion[];
  riskLabel?: string | undefined;
  sections: { id: string; title: string; weight: number; score: number | null; earned: number; possible: number }[];
  /** The full score with every point's reason: present with --explain. */
  explain?: VendorScore | undefined;
}

export function rankRows(
  entries: readonly { finding: FindingSummary; file: string; explain?: VendorScore | undefined }[],
  questionnaire: Questionnaire,
): ScoreRow[] {
  const { verdicts } = verdictsOf(questionnaire);
  const labels = rowLabels(questionnaire);
  const messages = new Map((questionnaire.redFlags ?? []).map((f) => [f.id, f.message]));
  const sections = indexQuestionnaire(questionnaire).sections;
  return ranked(entries).map(({ rank, entry }) => {
    const f = entry.finding;
    const score = f.score;
    const byPoints = f.cappedBy && score !== null ? (verdicts.find((v) => score >= v.min) ?? verdicts.at(-1)!) : undefined;
    const findings = f.redFlags.filter(isFinding);
    const { verdictLabel, verdictTone, riskLabel } = labels(f);
    return {
      rank,
      finding: f,
      file: entry.file,
      verdictLabel,
      verdictTone,
      pointsVerdict: byPoints ? { id: byPoints.id, label: byPoints.label } : undefined,
      flags: findings.map((flag) => ({
        id: flag.id,
        severity: flag.severity,
        title: flag.title,
        rating: flag.rating ?? 'legitimacy',
        subject: flag.subject,
        message: explanation(flag, messages, entry.explain),
      })),
      toAsk: openQuestionsOf(f),
      riskLabel,
      sections: sections.flatMap((s) => {
        const result = own(f.sections, s.key);
        return result ? [{ id: s.key, title: s.section.title, weight: s.section.weight, ...result }] : [];
      }),
      explain: entry.explain,
    };
  });
}

/** A row of the ranked table: what it reads, and so all of it that needs making safe for the terminal. */
export interface TableRow {
  rank: number | null;
  finding: TableFinding;
  verdictLabel: string;
  verdictTone: Tone | undefined;
  riskLabel?: string | undefined;
}

/** The rows of the ranked table, ranked as rankRows ranks, from what each vendor kept for it. */
export function rankTableRows(findings: readonly TableFinding[], questionnaire: Questionnaire): TableRow[] {
  const labels = rowLabels(questionnaire);
  return ranked(findings.map((finding) => ({ finding }))).map(({ rank, entry: { finding } }) => ({ rank, finding, ...labels(finding) }));
}

/** The ranked table's rows of rows ranked in full: a vendor's claims, roadmap and flag texts left out (the JSON has them). */
export function scoreTableRows(rows: readonly ScoreRow[]): TableRow[] {
  return rows.map((row) => ({
    rank: row.rank,
    finding: tableFinding(row.finding),
    verdictLabel: row.verdictLabel,
    verdictTone: row.verdictTone,
    riskLabel: row.riskLabel,
  }));
}

/** Entries sorted by compareFindings; ties share a rank, and vendors not assessed have none. */
function ranked<T extends { finding: Parameters<typeof compareFindings>[0] }>(entries: readonly T[]): { rank: number | null; entry: T }[] {
  const sorted = [...entries].sort((a, b) => compareFindings(a.finding, b.finding));
  let rank = 0;
  return sorted.map((entry, i) => {
    const score = entry.finding.score;
    if (score !== null && (i === 0 || sorted[i - 1]!.finding.score !== score)) rank = i + 1;
    return { rank: score === null ? null : rank, entry };
  });
}

/** The labels the questionnaire gives a finding's verdict and risk rating, and the verdict's tone. */
function rowLabels(
  questionnaire: Questionnaire,
): (f: { verdict: string; risk?: { rating: string } | undefined }) => Pick<TableRow, 'verdictLabel' | 'verdictTone' | 'riskLabel'> {
  const { verdicts } = verdictsOf(questionnaire);
  const label = bandLabel([...verdicts, NOT_ASSESSED]);
  const scale = verdictScale(verdicts);
  const riskLabel = bandLabel([...riskBandsOf(questionnaire).bands, NOT_ASSESSED]);
  return (f) => ({ verdictLabel: label(f.verdict), verdictTone: scale.tone(f.verdict), riskLabel: f.risk ? riskLabel(f.risk.rating) : undefined });
}

/** Assessed vendors by score, highest first; then those not assessed; ties by name, then id. */
export function compareFindings(a: { score: number | null; name: string; id: string }, b: { score: number | null; name: string; id: string }): number {
  if ((a.score === null) !== (b.score === null)) return a.score === null ? 1 : -1;
  return (b.score ?? 0) - (a.score ?? 0) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function bandLabel(bands: readonly VerdictBand[]): (id: string) => string {
  return (id) => bands.find((b) => b.id === id)?.label ?? id;
}

/** A flag's message: the questionnaire's, or for a claim check the one naming the claim. */
function explanation(flag: FindingSummary['redFlags'][number], messages: ReadonlyMap<string, string>, score: VendorScore | undefined): string {
  const raised = score?.redFlags.find((r) => r.id === flag.id && r.subject === flag.subject);
  return raised?.message ?? messages.get(flag.id) ?? flag.title;
}
