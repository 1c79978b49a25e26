import type { FlagBasis } from '../schema/findings.js';

// How a raised flag is told apart and what it rests on, the same for a fresh score and a snapshot.

interface FlagLike {
  id: string;
  subject?: string | undefined;
  basis?: FlagBasis | undefined;
}

/** A finding rests on recorded answers; snapshots scored before flags had a basis hold only those. */
export const isFinding = (flag: Pick<FlagLike, 'basis'>): boolean => flag.basis !== 'missing';

/** "id", or "id:subject" for a flag raised once per claim: how caps and outputs name it. */
export const flagRef = (flag: Pick<FlagLike, 'id' | 'subject'>): string => (flag.subject ? `${flag.id}:${flag.subject}` : flag.id);
