import { capProblems, MAX_PROBLEMS_PER_FILE, type Problem } from '../problem.js';
import { locate, type YamlSource } from './schema-problems.js';

/** A problem found in parsed data, named by its path; located in the file once known. */
export interface PathIssue {
  path: (string | number)[];
  message: string;
  hint?: string | undefined;
  /** Point at the key rather than the value. */
  key?: boolean;
  severity?: 'error' | 'warning';
}

export function locateIssues(source: YamlSource, issues: readonly PathIssue[]): Problem[] {
  const listed = issues.slice(0, MAX_PROBLEMS_PER_FILE).map((issue) => ({
    file: source.file,
    ...locate(source, issue.path, issue.key ?? false),
    message: issue.message,
    hint: issue.hint,
    severity: issue.severity ?? ('error' as const),
  }));
  return capProblems(listed, source.file, issues.length);
}
