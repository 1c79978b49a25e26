import type { FlagBasis, VendorFinding } from '../schema/findings.js';
import { shorten } from '../shorten.js';
import type { OpenQuestion } from './types.js';

// What to put to the vendor: while a rating cannot be given, the decisive questions not asked; the
// flags that hold only because answers are missing, with the questions that would settle them; and
// the claims nothing recorded can check yet, or whose figure is disputed. Made the same way from a
// fresh score and from a finding read back from a snapshot.

export interface OpenQuestionInput {
  legitimacy: Unsettled;
  risk?: Unsettled | undefined;
  flags: readonly { title: string; basis?: FlagBasis | undefined; ask?: readonly string[] | undefined }[];
  claims: readonly { text: string; checks: readonly { question: string; asserts: string; outcome: string; found?: string | undefined }[] }[];
}

interface Unsettled {
  assessed: boolean;
  decisive?: { answered: number; applicable: number; required: number; missing?: readonly string[] | undefined } | undefined;
}

export function openQuestions(input: OpenQuestionInput): OpenQuestion[] {
  const open: OpenQuestion[] = [];
  const decisive = (rating: Unsettled | undefined, what: string) => {
    const d = rating?.decisive;
    if (!rating || rating.assessed || !d?.missing?.length) return;
    open.push({
      kind: 'decisive',
      questions: [...d.missing],
      why: `decisive for ${what}: ${d.answered} of ${d.applicable} answered or declined, ${d.required} needed`,
    });
  };
  decisive(input.legitimacy, 'a verdict');
  decisive(input.risk, 'the risk rating');
  for (const flag of input.flags) if (flag.basis === 'missing' && flag.ask?.length) open.push({ kind: 'flag', questions: [...flag.ask], why: flag.title });
  for (const claim of input.claims) {
    const quoted = `"${shorten(claim.text, 70)}"`;
    for (const check of claim.checks) {
      if (check.outcome === 'disputed')
        open.push({
          kind: 'claim',
          questions: [check.question],
          why: `ask how it was measured: claim ${quoted} asserts ${check.question} ${check.asserts}, found ${check.found}`,
        });
      else if (check.outcome === 'unchecked')
        open.push({
          kind: 'claim',
          questions: [check.question],
          why: `claim ${quoted} asserts ${check.question} ${check.asserts}${check.found ? ` (${check.found})` : ''}`,
        });
    }
  }
  return open;
}

/** The open questions of a finding, as the snapshot holds it. */
export function openQuestionsOf(finding: Pick<VendorFinding, 'score' | 'decisive' | 'risk' | 'redFlags' | 'claims'>): OpenQuestion[] {
  return openQuestions({
    legitimacy: { assessed: finding.score !== null, decisive: finding.decisive },
    risk: finding.risk ? { assessed: finding.risk.safeguards !== null, decisive: finding.risk.decisive } : undefined,
    flags: finding.redFlags,
    claims: finding.claims ?? [],
  });
}

/** How many questions there are to put to the vendor: each one once, whatever asks for it. */
export function questionsToAsk(open: readonly OpenQuestion[]): number {
  return new Set(open.flatMap((o) => o.questions)).size;
}
