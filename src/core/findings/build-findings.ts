import { canonicalJson, contentHash } from '../digest.js';
import type { Findings, VendorFinding } from '../schema/findings.js';
import { ratesRisk, riskBandsOf, verdictsOf, type Questionnaire } from '../schema/questionnaire.js';
import type { Vendor } from '../schema/vendor.js';
import type { VendorScore } from '../scoring/types.js';
import { questionDefinitions } from './question-definitions.js';

// Turns scores into the findings snapshot: plain, sorted data with no clock time in it.

export interface SourceFile {
  /** Path relative to the workspace, with forward slashes. */
  file: string;
  /** Content hash of the file's bytes. */
  hash: string;
}

/**
 * Changes whenever a weight, rule, text or question of the file changes; not when comments or
 * layout do, nor when a later aiclaim gives a key a default (question-definitions.ts).
 */
export function questionnaireHash(questionnaire: Questionnaire): string {
  return questionnaire.identity?.hash ?? contentHash(canonicalJson(questionnaire));
}

/** Whether a snapshot's recorded hash names this questionnaire: as this aiclaim hashes it, or as aiclaim 0.2 did. */
export function scoredWith(questionnaire: Questionnaire, hash: string): boolean {
  return questionnaireHash(questionnaire) === hash || questionnaire.identity?.legacy === hash;
}

/**
 * What was scored, as one digest: every question's points, state and answer digest (the roadmap
 * and claims included, as list questions). Notes, comments and layout do not change it; an answer,
 * its evidence's standing, or the questionnaire's view of it does.
 */
export function scoredDigest(questionLines: readonly string[]): string {
  return contentHash(questionLines.join('\n'));
}

export function vendorFinding(vendor: Vendor, score: VendorScore, source: SourceFile): VendorFinding {
  const sections: VendorFinding['sections'] = {};
  for (const s of score.sections) sections[s.key] = { score: s.score, earned: s.earned, possible: s.possible };
  const questions: VendorFinding['questions'] = {};
  const lines: string[] = [];
  for (const q of score.questions) {
    const line = q.digest ? `${q.points}/${q.possible} ${q.state} ${q.digest}` : `${q.points}/${q.possible} ${q.state}`;
    questions[q.id] = line;
    lines.push(`${q.id} ${line}`);
  }
  // Absent facts stay undefined (and are not written): one object shape for every vendor.
  return {
    id: vendor.id,
    name: vendor.name,
    category: vendor.category,
    categoryLabel: vendor.categoryLabel,
    spend: vendor.spend ? { amount: vendor.spend.amount, currency: vendor.spend.currency } : undefined,
    renewal: vendor.renewal,
    usage: vendor.usage ? { licensed: vendor.usage.licensed, used: vendor.usage.used, unit: vendor.usage.unit ?? 'seats' } : undefined,
    outcome: vendor.usage?.outcome
      ? { metric: vendor.usage.outcome.metric, value: vendor.usage.outcome.value, source: vendor.usage.outcome.source }
      : undefined,
    interviewed: vendor.interview?.date,
    score: score.score,
    verdict: score.verdict,
    cappedBy: score.cappedBy.length ? score.cappedBy : undefined,
    decisive: coverage(score.decisive, score.score === null),
    risk: score.risk
      ? {
          safeguards: score.risk.score,
          rating: score.risk.band,
          cappedBy: score.risk.cappedBy.length ? score.risk.cappedBy : undefined,
          decisive: coverage(score.risk.decisive, score.risk.score === null),
        }
      : undefined,
    completeness: score.completeness,
    confidence: score.confidence,
    sections,
    redFlags: score.redFlags.map((f) => ({
      id: f.id,
      severity: f.severity,
      title: f.title,
      basis: f.basis,
      rating: f.rating,
      subject: f.subject,
      ask: f.ask.length ? f.ask : undefined,
    })),
    claims: score.claims.length
      ? score.claims.map((c) => ({
          id: c.id,
          text: c.text,
          source: c.source,
          date: c.date,
          checks: c.checks.map((k) => ({ question: k.question, asserts: k.asserts, outcome: k.outcome, found: k.found })),
        }))
      : undefined,
    roadmap: score.roadmap,
    questions,
    digest: scoredDigest(lines),
    source,
  };
}

/** The decisive questions answered; while the rating cannot be given, also those still to ask. */
function coverage(c: VendorScore['decisive'], unsettled: boolean): NonNullable<VendorFinding['decisive']> {
  return { answered: c.answered, applicable: c.applicable, required: c.required, missing: unsettled && c.missing.length ? c.missing : undefined };
}

export interface FindingsHeader {
  period: string;
  questionnaire: Questionnaire;
  tool: string;
  /** Digest of the earlier snapshots the track record was built from. */
  history?: string | undefined;
}

export function findingsHeader(header: FindingsHeader): Omit<Findings, 'vendors'> {
  return {
    schema: 'aiclaim/findings@1',
    period: header.period,
    questionnaire: {
      id: header.questionnaire.id,
      version: header.questionnaire.version,
      hash: questionnaireHash(header.questionnaire),
      questions: questionDefinitions(header.questionnaire),
      verdicts: verdictsOf(header.questionnaire).verdicts.map((v) => ({ id: v.id, label: v.label, min: v.min })),
      risks: ratesRisk(header.questionnaire) ? riskBandsOf(header.questionnaire).bands.map((b) => ({ id: b.id, label: b.label, min: b.min })) : undefined,
    },
    tool: header.tool,
    history: header.history,
  };
}

export function buildFindings(header: FindingsHeader, vendors: readonly VendorFinding[]): Findings {
  return { ...findingsHeader(header), vendors: [...vendors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

/** Parses "points/possible state digest" back into its parts. */
export function parseQuestionLine(line: string): { points: number; possible: number; state: string; digest?: string } {
  const [ratio = '0/0', state = 'unanswered', digest] = line.split(' ');
  const [points = '0', possible = '0'] = ratio.split('/');
  return { points: Number(points), possible: Number(possible), state, ...(digest ? { digest } : {}) };
}

/**
 * The points and possible of a question line, as parseQuestionLine reads them, without splitting
 * the line: the self-check reads a million of them for a snapshot of 15,000 vendors. Decimals of
 * up to 15 digits are read exactly as Number() reads them (one division of two integers a double
 * holds exactly is correctly rounded); anything else is read by parseQuestionLine.
 */
export function questionLinePoints(line: string): { points: number; possible: number } {
  const points = decimalAt(line, 0, 0x2f);
  if (points !== undefined) {
    const possible = decimalAt(line, points.end + 1, 0x20);
    if (possible !== undefined && line.charCodeAt(points.end) === 0x2f) return { points: points.value, possible: possible.value };
  }
  const { points: p, possible } = parseQuestionLine(line);
  return { points: p, possible };
}

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** The decimal (digits, then `.` and digits) from `at` up to the character `stop`: undefined if it is not just that. */
function decimalAt(line: string, at: number, stop: number): { value: number; end: number } | undefined {
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  let i = at;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 0x2e && fraction < 0 && digits > 0) fraction = 0;
    else break;
  }
  if (digits === 0 || digits > 15 || fraction === 0 || line.charCodeAt(i) !== stop) return undefined;
  return { value: fraction > 0 ? mantissa / POWERS_OF_TEN[fraction]! : mantissa, end: i };
}

/**
 * Question lines repeat across thousands of vendors ("0/0 hidden", "2/2 answered 4db211e5"): each
 * distinct line is parsed once, and its parts shared (never changed once made).
 */
export function questionLineParser(): (line: string) => ReturnType<typeof parseQuestionLine> {
  const parsed = new Map<string, ReturnType<typeof parseQuestionLine>>();
  return (line) => {
    let side = parsed.get(line);
    if (!side) parsed.set(line, (side = parseQuestionLine(line)));
    return side;
  };
}
