import type { Problem } from '../core/problem.js';

// The errors a user can act on. They print as one clear block, never with a stack trace.

export const EXIT = { ok: 0, failed: 1, invalid: 2, interrupted: 130 } as const;

export class UserError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(message: string, options: { hint?: string; exitCode?: number } = {}) {
    super(message);
    this.name = 'UserError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT.invalid;
  }
}

/** Input files that failed to load, each with its located problems. */
export class ProblemsError extends UserError {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the input`);
    this.name = 'ProblemsError';
    this.problems = problems;
  }
}
