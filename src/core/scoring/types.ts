import type { CommitmentResult, QuestionState } from '../schema/findings.js';
import type { Severity } from '../schema/questionnaire.js';
import type { Fact } from '../schema/condition.js';

export interface QuestionScore {
  id: string;
  text: string;
  /** Key of the section that holds the question, e.g. "training-data". */
  section: string;
  state: QuestionState;
  points: number;
  possible: number;
  /** The answer as a reader sees it; absent when unanswered or hidden. */
  answer?: string | undefined;
  /** How the rule turned the answer into points. */
  rule: string;
  /** Why the points differ from what the rule gave, or why the question does not count. */
  notes: string[];
  /** Digest of the answer value, so later snapshots can tell whether it changed. */
  digest?: string | undefined;
  /** Whether the points rest on evidence (or need none). */
  backed: boolean;
}

export interface SectionScore {
  key: string;
  title: string;
  depth: number;
  weight: number;
  /** 0-100, or null when nothing in the section applies. */
  score: number | null;
  earned: number;
  possible: number;
}

export interface RaisedFlag {
  id: string;
  severity: Severity;
  title: string;
  message: string;
  /** The answers (or derived facts) that made the flag's condition hold. */
  because: { question: string; answer: string }[];
  /** The verdict this flag holds the vendor to, if any. */
  cap?: string | undefined;
}

export interface VendorScore {
  id: string;
  name: string;
  score: number;
  /** Raw points over every section: for an index scored by points, its total. */
  earned: number;
  possible: number;
  method: 'weighted-sections' | 'points';
  verdict: string;
  verdictLabel: string;
  /** Red flags that pulled the verdict below what the points gave. */
  cappedBy: string[];
  /** Verdict the points alone would give. */
  pointsVerdict: string;
  pointsVerdictLabel: string;
  completeness: number;
  confidence: number | null;
  sections: SectionScore[];
  questions: QuestionScore[];
  redFlags: RaisedFlag[];
  roadmap: CommitmentResult[];
  facts: Record<Fact, number>;
  /** Roadmap track record from earlier snapshots, explained; absent when there is no history. */
  trackRecord: string;
}
