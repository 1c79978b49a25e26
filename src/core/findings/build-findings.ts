import { canonicalJson, contentHash } from '../digest.js';
import type { Findings, VendorFinding } from '../schema/findings.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import type { Vendor } from '../schema/vendor.js';
import type { VendorScore } from '../scoring/types.js';

// Turns scores into the findings snapshot: plain, sorted data with no clock time in it.

export interface SourceFile {
  /** Path relative to the workspace, with forward slashes. */
  file: string;
  /** Content hash of the file's bytes. */
  hash: string;
}

/** Changes whenever a weight, rule or question changes; not when comments or layout do. */
export function questionnaireHash(questionnaire: Questionnaire): string {
  return contentHash(canonicalJson(questionnaire));
}

/** What was scored: answers, roadmap and claims, independent of key order and comments. */
export function answersDigest(vendor: Vendor): string {
  return contentHash(canonicalJson({ answers: vendor.answers, roadmap: vendor.roadmap ?? null, claims: vendor.claims ?? null }));
}

export function vendorFinding(vendor: Vendor, score: VendorScore, source: SourceFile): VendorFinding {
  return {
    id: vendor.id,
    name: vendor.name,
    category: vendor.category,
    ...(vendor.spend ? { spend: { amount: vendor.spend.amount, currency: vendor.spend.currency } } : {}),
    ...(vendor.renewal ? { renewal: vendor.renewal } : {}),
    ...(vendor.interview ? { interviewed: vendor.interview.date } : {}),
    score: score.score,
    verdict: score.verdict,
    ...(score.cappedBy.length ? { cappedBy: score.cappedBy } : {}),
    completeness: score.completeness,
    confidence: score.confidence,
    sections: Object.fromEntries(score.sections.map((s) => [s.key, { score: s.score, earned: s.earned, possible: s.possible }])),
    redFlags: score.redFlags.map((f) => ({ id: f.id, severity: f.severity, title: f.title })),
    roadmap: score.roadmap,
    questions: Object.fromEntries(score.questions.map((q) => [q.id, `${q.points}/${q.possible} ${q.state}${q.digest ? ` ${q.digest}` : ''}`])),
    digest: answersDigest(vendor),
    source,
  };
}

export interface FindingsHeader {
  period: string;
  questionnaire: Questionnaire;
  tool: string;
}

export function buildFindings(header: FindingsHeader, vendors: readonly VendorFinding[]): Findings {
  return {
    schema: 'aiclaim/findings@1',
    period: header.period,
    questionnaire: { id: header.questionnaire.id, version: header.questionnaire.version, hash: questionnaireHash(header.questionnaire) },
    tool: header.tool,
    vendors: [...vendors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/** Parses "points/possible state digest" back into its parts. */
export function parseQuestionLine(line: string): { points: number; possible: number; state: string; digest?: string } {
  const [ratio = '0/0', state = 'unanswered', digest] = line.split(' ');
  const [points = '0', possible = '0'] = ratio.split('/');
  return { points: Number(points), possible: Number(possible), state, ...(digest ? { digest } : {}) };
}
