// Coverage of the martech categories. A category the team buys nothing in is not in its stack:
// no DSP bought is a choice, not a gap. A gap is a category the team does buy, whose vendors are
// none of them vetted (every one in the lower verdicts, or not assessed yet).
//
// How the team says what it buys: by its vendors. A category with a vendor in the snapshot is in the
// stack; one with none is "not in the stack". (The stack spreadsheet `aiclaim import` reads is the
// list of what the team buys, so this needs no list kept apart, and cannot drift from it.)

export type CoverageStatus = 'vetted' | 'gap' | 'not-in-stack';

export function coverageStatus(verdicts: readonly string[], vetted: (verdict: string) => boolean): CoverageStatus {
  if (verdicts.length === 0) return 'not-in-stack';
  return verdicts.some(vetted) ? 'vetted' : 'gap';
}
