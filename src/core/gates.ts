// What `--fail-on` can fail a run on: one list per command, read by the command that checks it and
// by shell completion, which offers it.

/** `aiclaim score --fail-on`, besides `--fail-under`. */
export const SCORE_GATES = ['not-assessed'] as const;

/** `aiclaim diff --fail-on`. */
export const DIFF_GATES = ['regression', 'new-critical'] as const;
