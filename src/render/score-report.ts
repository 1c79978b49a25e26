import type { Problem } from '../core/problem.js';
import type { RankedVendor } from '../core/scoring/rank-vendors.js';

// What `aiclaim score` reports, as plain data: the input of every output format.

export interface ScoreReport {
  period: string;
  questionnaire: { id: string; version: string; hash: string; title: string };
  vendors: RankedVendor[];
  /** Files that could not be scored. */
  invalid: Problem[];
}

/** The report as JSON-ready data; with `explain`, every question's points and reasons. */
export function scoreReportData(report: ScoreReport, explain: boolean): unknown {
  return {
    period: report.period,
    questionnaire: { id: report.questionnaire.id, version: report.questionnaire.version, hash: report.questionnaire.hash },
    vendors: report.vendors.map(({ rank, vendor, score, file }) => ({
      rank,
      id: vendor.id,
      name: vendor.name,
      category: vendor.category,
      file,
      score: score.score,
      earned: score.earned,
      possible: score.possible,
      verdict: score.verdict,
      ...(score.cappedBy.length ? { pointsVerdict: score.pointsVerdict, cappedBy: score.cappedBy } : {}),
      completeness: score.completeness,
      confidence: score.confidence,
      spend: vendor.spend ?? null,
      renewal: vendor.renewal ?? null,
      sections: score.sections.map((s) => ({ id: s.key, title: s.title, score: s.score, earned: s.earned, possible: s.possible, weight: s.weight })),
      redFlags: score.redFlags.map((f) => ({ id: f.id, severity: f.severity, title: f.title, message: f.message, because: f.because, ...(f.cap ? { cap: f.cap } : {}) })),
      roadmap: score.roadmap,
      trackRecord: score.trackRecord,
      ...(explain
        ? {
            questions: score.questions.map((q) => ({
              id: q.id,
              section: q.section,
              state: q.state,
              points: q.points,
              possible: q.possible,
              lost: Math.round((q.possible - q.points) * 100) / 100,
              answer: q.answer ?? null,
              rule: q.rule,
              notes: q.notes,
            })),
          }
        : {}),
    })),
    invalid: report.invalid.map((p) => ({ file: p.file, line: p.line ?? null, column: p.column ?? null, message: p.message, hint: p.hint ?? null })),
  };
}
