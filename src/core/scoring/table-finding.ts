import { isFinding } from '../findings/flag-ref.js';
import { ownCopy, sharedWord } from '../kept-text.js';
import { SEVERITIES, type Severity } from '../schema/questionnaire.js';
import { openQuestionsOf, questionsToAsk } from './open-questions.js';
import type { VendorFinding } from '../schema/findings.js';

// What the ranked table, the ranking, a selection and the gates read of a vendor's finding. When
// the table is all a run prints, each vendor scored keeps this in place of its finding: a few
// hundred bytes whatever its claims, roadmap and flags hold, so that a run's memory does not grow
// with the detail of a portfolio: its text its own (kept-text.ts), so that it holds nothing of the
// file it was read from. Made the same way from a finding kept whole (scoreTableRows).

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
  /** How many red flags were found on recorded answers; flags waiting on answers count in `toAsk`. */
  flags: number;
  /** The gravest of those flags. */
  worstFlag?: Severity | undefined;
  /** How many questions there are to put to the vendor (questionsToAsk). */
  toAsk: number;
}

/** What tableFinding reads of a finding. */
type TableSource = Pick<
  VendorFinding,
  'id' | 'name' | 'category' | 'categoryLabel' | 'score' | 'verdict' | 'decisive' | 'risk' | 'completeness' | 'confidence' | 'spend' | 'redFlags' | 'claims'
>;

export function tableFinding(f: TableSource): TableFinding {
  const flags = f.redFlags.filter(isFinding);
  return {
    id: ownCopy(f.id),
    name: ownCopy(f.name),
    category: sharedWord(f.category),
    categoryLabel: f.categoryLabel === undefined ? undefined : sharedWord(f.categoryLabel),
    score: f.score,
    verdict: sharedWord(f.verdict),
    decisive: f.decisive ? { answered: f.decisive.answered, required: f.decisive.required } : undefined,
    risk: f.risk ? { rating: sharedWord(f.risk.rating), safeguards: f.risk.safeguards } : undefined,
    completeness: f.completeness,
    confidence: f.confidence,
    spend: f.spend ? { amount: f.spend.amount, currency: sharedWord(f.spend.currency) } : undefined,
    flags: flags.length,
    worstFlag: SEVERITIES.find((severity) => flags.some((flag) => flag.severity === severity)),
    toAsk: questionsToAsk(openQuestionsOf(f)),
  };
}
