import type { Questionnaire } from '../schema/questionnaire.js';
import { own } from '../schema/limits.js';
import type { Vendor } from '../schema/vendor.js';
import { scoreVendor, type ScoringContext } from './score-vendor.js';
import type { VendorScore } from './types.js';

// Which missing evidence would raise the score most: each candidate is scored again as if its
// evidence were shown, so the gain is exact, not estimated.

export interface EvidenceAdvice {
  question: string;
  text: string;
  /** Score points gained if the evidence were shown. */
  gain: number;
  /** What is wrong with the evidence now. */
  now: string;
}

const WHY: Record<string, string> = {
  unverified: 'claimed, not shown',
  'late-evidence': 'evidence dated after the claim',
  'expired-evidence': 'evidence expired',
};

export function evidenceAdvice(questionnaire: Questionnaire, vendor: Vendor, context: ScoringContext, score: VendorScore, limit = 5): EvidenceAdvice[] {
  const advice: EvidenceAdvice[] = [];
  // With no verdict yet there is no score to raise: the decisive questions come first.
  if (score.score === null) return advice;
  for (const q of score.questions) {
    const now = WHY[q.state];
    if (!now) continue;
    const answer = own(vendor.answers, q.id);
    if (!answer) continue;
    const shown: Vendor = { ...vendor, answers: { ...vendor.answers, [q.id]: { ...answer, evidence: 'shown' } } };
    const gain = Math.round(((scoreVendor(questionnaire, shown, context).score ?? score.score) - score.score) * 10) / 10;
    if (gain > 0) advice.push({ question: q.id, text: q.text, gain, now });
  }
  return advice.sort((a, b) => b.gain - a.gain || (a.question < b.question ? -1 : 1)).slice(0, limit);
}
