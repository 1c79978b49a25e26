import { formatProblem, type Problem } from '../core/problem.js';
import { colourFor } from './colour.js';
import type { Context } from './context.js';

/** One line per problem on stderr: data stays alone on stdout. */
export function printProblems(problems: readonly Problem[], context: Context): void {
  if (problems.length === 0) return;
  const style = colourFor(context.stderr, context.env);
  for (const problem of problems) {
    const line = formatProblem(problem);
    context.stderr.write(`${problem.severity === 'error' ? style.red('✖') : style.yellow('⚠')} ${line}\n`);
  }
}
