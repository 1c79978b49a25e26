import { indexQuestionnaire } from '../questionnaire-index.js';
import type { VendorFinding } from '../schema/findings.js';
import { verdictsOf, type Questionnaire, type Severity } from '../schema/questionnaire.js';
import type { VendorScore } from './types.js';

// The rows of a score report: each vendor's finding, ranked (highest score first, ties share a
// rank), with the labels and messages the questionnaire gives them. A finding is all a report
// needs; the full score, with every reason, only when explaining.

/** A vendor's finding without its per-question lines: all a report of scores reads. */
export type FindingSummary = Omit<VendorFinding, 'questions'>;

export interface ScoreRow {
  rank: number;
  finding: FindingSummary;
  /** Where the vendor's answers came from, as shown to the user. */
  file: string;
  verdictLabel: string;
  /** The verdict the points alone give, when a red flag held the vendor below it. */
  pointsVerdict?: { id: string; label: string } | undefined;
  flags: { id: string; severity: Severity; title: string; message: string }[];
  sections: { id: string; title: string; weight: number; score: number | null; earned: number; possible: number }[];
  /** The full score with every point's reason: present with --explain. */
  explain?: VendorScore | undefined;
}

export function rankRows(entries: readonly { finding: FindingSummary; file: string; explain?: VendorScore | undefined }[], questionnaire: Questionnaire): ScoreRow[] {
  const { verdicts } = verdictsOf(questionnaire);
  const label = (id: string) => verdicts.find((v) => v.id === id)?.label ?? id;
  const messages = new Map((questionnaire.redFlags ?? []).map((f) => [f.id, f.message]));
  const sections = indexQuestionnaire(questionnaire).sections;
  const sorted = [...entries].sort((a, b) => b.finding.score - a.finding.score || a.finding.name.localeCompare(b.finding.name) || (a.finding.id < b.finding.id ? -1 : 1));
  let rank = 0;
  return sorted.map((entry, i) => {
    const f = entry.finding;
    if (i === 0 || sorted[i - 1]!.finding.score !== f.score) rank = i + 1;
    const byPoints = f.cappedBy ? (verdicts.find((v) => f.score >= v.min) ?? verdicts.at(-1)!) : undefined;
    return {
      rank,
      finding: f,
      file: entry.file,
      verdictLabel: label(f.verdict),
      pointsVerdict: byPoints ? { id: byPoints.id, label: byPoints.label } : undefined,
      flags: f.redFlags.map((flag) => ({ ...flag, message: messages.get(flag.id) ?? '' })),
      sections: sections
        .filter((s) => f.sections[s.key])
        .map((s) => ({ id: s.key, title: s.section.title, weight: s.section.weight, ...f.sections[s.key]! })),
      explain: entry.explain,
    };
  });
}
