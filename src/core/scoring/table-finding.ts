import { isFinding } from '../findings/flag-ref.js';
import type { Severity } from '../schema/questionnaire.js';
import { openQuestionsOf, questionsToAsk } from './open-questions.js';
import type { VendorFinding } from '../schema/findings.js';

// What the ranked table, the ranking, a selection and the gates read of a vendor's finding. When
// the table is all a run prints, each vendor scored keeps this in place of its finding: a few
// hundred bytes whatever its claims, roadmap and flags hold, so that a run's memory does not grow
// with the detail of a portfolio. Made the same way from a finding kept whole (scoreTableRows).

export interface TableFinding {
  id: string;
  name: string;
  category: string;
  categoryLabel?: string | undefined;
  score: number | null;
  verdict: string;
  /** While no verdict can be given: how many of the decisive answers it needs are in. */
  decisive?: { answered: number; required: number } | undefined;
  risk?: { rating: string; safeguards: number | null } | undefined;
  completeness: number;
  confidence: number | null;
  spend?: { amount: number; currency: string } | undefined;
  /** The severity of each red flag found on recorded answers; flags waiting on answers count in `toAsk`. */
  flags: Severity[];
  /** How many questions there are to put to the vendor (questionsToAsk). */
  toAsk: number;
}

/** What tableFinding reads of a finding. */
type TableSource = Pick<
  VendorFinding,
  'id' | 'name' | 'category' | 'categoryLabel' | 'score' | 'verdict' | 'decisive' | 'risk' | 'completeness' | 'confidence' | 'spend' | 'redFlags' | 'claims'
>;

export function tableFinding(f: TableSource): TableFinding {
  return {
    id: f.id,
    name: f.name,
    category: f.category,
    categoryLabel: f.categoryLabel,
    score: f.score,
    verdict: f.verdict,
    decisive: f.decisive ? { answered: f.decisive.answered, required: f.decisive.required } : undefined,
    risk: f.risk ? { rating: f.risk.rating, safeguards: f.risk.safeguards } : undefined,
    completeness: f.completeness,
    confidence: f.confidence,
    spend: f.spend ? { amount: f.spend.amount, currency: f.spend.currency } : undefined,
    flags: f.redFlags.filter(isFinding).map((flag) => flag.severity),
    toAsk: questionsToAsk(openQuestionsOf(f)),
  };
}
