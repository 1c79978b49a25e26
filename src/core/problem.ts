// A problem found in an input file, located as precisely as the file allows.

import { EXCERPT_LENGTH } from './schema/limits.js';

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

/** Sorted by file, then position, so that reports read top to bottom; a file's unlocated problems last. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const line = (p: Problem) => p.line ?? Number.MAX_SAFE_INTEGER;
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || line(a) - line(b) || (a.column ?? 0) - (b.column ?? 0) || a.message.localeCompare(b.message),
  );
}

/** Past this many problems in one file, the rest are counted, not listed: the first ones say what is wrong. */
export const MAX_PROBLEMS_PER_FILE = 50;

/** The first MAX_PROBLEMS_PER_FILE problems, then one line counting the rest (`total` if more were never listed). */
export function capProblems(problems: readonly Problem[], file: string, total = problems.length): Problem[] {
  if (total <= MAX_PROBLEMS_PER_FILE) return [...problems];
  const more = total - MAX_PROBLEMS_PER_FILE;
  return [
    ...problems.slice(0, MAX_PROBLEMS_PER_FILE),
    {
      file,
      message: `and ${more} more problem${more === 1 ? '' : 's'} in this file`,
      hint: 'fix the ones above first: they often cause the rest',
      severity: 'error',
    },
  ];
}

/**
 * Input echoed in a message, cut to its first `max` characters with "…" and the full length, so
 * that a 4 MiB key or value costs one short line: "AAAA…" (5,138,022 characters).
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) return text;
  // Never cut a surrogate pair in two.
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}… (${text.length.toLocaleString('en-US')} characters)`;
}

/** Input echoed in quotes, escaped onto one line and cut like `excerpt`: "AAAA…" (5,138,022 characters). */
export function quoted(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) return JSON.stringify(text);
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${JSON.stringify(`${text.slice(0, end)}…`)} (${text.length.toLocaleString('en-US')} characters)`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
