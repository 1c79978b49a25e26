import type { Tone } from './verdict-scale.js';
import type { ClaimOutcome, CommitmentResult, FlagBasis, QuestionState } from '../schema/findings.js';
import type { RatingKind, Severity } from '../schema/questionnaire.js';
import type { Fact } from '../schema/condition.js';

export interface QuestionScore {
  id: string;
  text: string;
  /** Key of the section that holds the question, e.g. "training-data". */
  section: string;
  state: QuestionState;
  points: number;
  /** What the question counts for in the score: 0 when it does not count (not asked, hidden, n/a). */
  possible: number;
  /** The answer as a reader sees it; absent when not asked or hidden. */
  answer?: string | undefined;
  /** How the rule turned the answer into points. */
  rule: string;
  /** Why the points differ from what the rule gave, or why the question does not count. */
  notes: string[];
  /** Digest of the answer value, so later snapshots can tell whether it changed. */
  digest?: string | undefined;
  /** Whether the points rest on evidence (or need none). */
  backed: boolean;
  /** Not asked because an earlier question it depends on has not been answered yet. */
  pending?: boolean | undefined;
}

export interface SectionScore {
  key: string;
  title: string;
  depth: number;
  weight: number;
  /** The rating the section feeds (its top-level section's). */
  rating: RatingKind;
  /** 0-100, or null when nothing in the section counts. */
  score: number | null;
  earned: number;
  possible: number;
}

export interface RaisedFlag {
  id: string;
  severity: Severity;
  title: string;
  message: string;
  /** `answered`: it holds on recorded answers (a finding); `missing`: only because answers are absent (an open question). */
  basis: FlagBasis;
  rating: RatingKind;
  /** What the flag is about when it is raised more than once (a claim's id). */
  subject?: string | undefined;
  /** The answers (or derived facts) that made the flag's condition hold. */
  because: { question: string; answer: string }[];
  /** For a `missing` flag: the questions whose answers would settle it. */
  ask: string[];
  /** The band this flag holds its rating to, if any (only findings cap). */
  cap?: string | undefined;
}

/** How many of a rating's decisive questions are answered or declined, of those that apply. */
export interface Coverage {
  answered: number;
  applicable: number;
  required: number;
  /** Decisive questions that apply (or may) and have not been asked. */
  missing: string[];
}

export interface Rating {
  kind: RatingKind;
  /** 0-100 over the rating's sections; null when not assessed. For risk: safeguards, higher is safer. */
  score: number | null;
  earned: number;
  possible: number;
  /** A band id of the rating (a verdict for legitimacy), or not-assessed. */
  band: string;
  bandLabel: string;
  /** The band the points alone give, before any flag caps it. */
  pointsBand: string;
  pointsBandLabel: string;
  /** Flags (findings) that held the band below what the points gave. */
  cappedBy: string[];
  decisive: Coverage;
}

export interface AssertionCheck {
  /** The claim's id, given or made from its text. */
  claim: string;
  question: string;
  /** The assertion in words: "≥ 95 % of outputs". */
  asserts: string;
  outcome: ClaimOutcome;
  /** What was found, by whom: "27 (vendor's own answer); 53 (Consumer Lab, 2025-03-01)". */
  found?: string | undefined;
}

export interface ClaimScore {
  id: string;
  text: string;
  source?: string | undefined;
  date?: string | undefined;
  checks: AssertionCheck[];
}

/** Something to put to the vendor: a flag that waits on missing answers, or a claim nothing can check yet. */
export interface OpenQuestion {
  /** The questions to ask. */
  questions: string[];
  /** Why: the flag's title, the claim and its assertion, or "decisive for a verdict". */
  why: string;
  kind: 'flag' | 'claim' | 'decisive';
}

export interface VendorScore {
  id: string;
  name: string;
  /** The legitimacy score, 0-100; null when not assessed. */
  score: number | null;
  /** Raw points over the legitimacy sections: for an index scored by points, its total. */
  earned: number;
  possible: number;
  method: 'weighted-sections' | 'points';
  /** The legitimacy verdict, or not-assessed. */
  verdict: string;
  verdictLabel: string;
  /** The verdict's place on the questionnaire's scale (best … worst); undefined when not assessed. */
  verdictTone?: Tone | undefined;
  /** Red flags that pulled the verdict below what the points gave. */
  cappedBy: string[];
  /** Verdict the points alone would give. */
  pointsVerdict: string;
  pointsVerdictLabel: string;
  /** The decisive questions for a verdict. */
  decisive: Coverage;
  /** The risk of relying on the vendor, rated apart; absent when the questionnaire rates no risk. */
  risk?: Rating | undefined;
  completeness: number;
  confidence: number | null;
  sections: SectionScore[];
  questions: QuestionScore[];
  redFlags: RaisedFlag[];
  claims: ClaimScore[];
  /** What to put to the vendor: flags waiting on answers, unchecked claims, decisive questions not asked. */
  openQuestions: OpenQuestion[];
  roadmap: CommitmentResult[];
  facts: Record<Fact, number>;
  /** Roadmap track record from earlier snapshots, explained; absent when there is no history. */
  trackRecord: string;
}
