import { answerDigest } from './digest.js';
import type { Claim } from './schema/vendor.js';

/** A claim's id: its own, else one made from its text, so it stays the same across quarters. */
export function claimId(claim: Claim): string {
  return claim.id ?? `claim-${answerDigest(claim.text.trim())}`;
}
