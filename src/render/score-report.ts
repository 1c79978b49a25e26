import type { Problem } from '../core/problem.js';
import type { ScoreRow } from '../core/scoring/score-rows.js';

// What `aiclaim score` reports, as plain data: the input of every output format.

export interface ScoreReport {
  period: string;
  questionnaire: { id: string; version: string; hash: string; title: string };
  rows: ScoreRow[];
  /** Files that could not be scored. */
  invalid: Problem[];
}

/** The report as JSON-ready data; with `explain`, every question's points and reasons. */
export function scoreReportData(report: ScoreReport, explain: boolean): unknown {
  return {
    period: report.period,
    questionnaire: { id: report.questionnaire.id, version: report.questionnaire.version, hash: report.questionnaire.hash },
    vendors: report.rows.map((row) => {
      const f = row.finding;
      const score = row.explain;
      return {
        rank: row.rank,
        id: f.id,
        name: f.name,
        category: f.category,
        ...(f.categoryLabel !== undefined ? { categoryLabel: f.categoryLabel } : {}),
        file: row.file,
        score: f.score,
        verdict: f.verdict,
        ...(row.pointsVerdict ? { pointsVerdict: row.pointsVerdict.id, cappedBy: f.cappedBy } : {}),
        decisive: f.decisive ?? null,
        ...(f.risk
          ? { risk: { rating: f.risk.rating, label: row.riskLabel, safeguards: f.risk.safeguards, cappedBy: f.risk.cappedBy ?? [], decisive: f.risk.decisive } }
          : {}),
        completeness: f.completeness,
        confidence: f.confidence,
        spend: f.spend ?? null,
        renewal: f.renewal ?? null,
        sections: row.sections.map((s) => ({ id: s.id, title: s.title, score: s.score, earned: s.earned, possible: s.possible, weight: s.weight })),
        redFlags: row.flags.map((flag) => {
          const raised = score?.redFlags.find((r) => r.id === flag.id && r.subject === flag.subject);
          return {
            id: flag.id,
            ...(flag.subject ? { subject: flag.subject } : {}),
            severity: flag.severity,
            rating: flag.rating,
            basis: 'answered',
            title: flag.title,
            message: flag.message,
            ...(raised ? { because: raised.because } : {}),
          };
        }),
        claims: f.claims ?? [],
        toAsk: row.toAsk,
        roadmap: f.roadmap,
        ...(explain && score
          ? {
              trackRecord: score.trackRecord,
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
      };
    }),
    invalid: report.invalid.map((p) => ({ file: p.file, line: p.line ?? null, column: p.column ?? null, message: p.message, hint: p.hint ?? null })),
  };
}
