// A problem found in an input file, located as precisely as the file allows.

export interface Problem {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  message: string;
  /** What to do about it. */
  hint?: string | undefined;
  severity: 'error' | 'warning';
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  const kind = problem.severity === 'warning' ? 'warning: ' : '';
  const hint = problem.hint ? ` — ${problem.hint}` : '';
  return `${where}: ${kind}${problem.message}${hint}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Sorted by file, then position, so that reports read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.message.localeCompare(b.message),
  );
}
