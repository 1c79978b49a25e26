import { formatProblem, type Problem } from '../core/problem.js';
import { terminalSafe } from '../render/terminal-text.js';
import { colourFor } from './colour.js';
import type { Context } from './context.js';

/** One line per problem on stderr (every control character in it shown): data stays alone on stdout. */
export function printProblems(problems: readonly Problem[], context: Context): void {
  if (problems.length === 0) return;
  const style = colourFor(context.stderr, context.env);
  for (const problem of problems) {
    // File names, echoed keys and cells come from outside: each shown safe on its one line.
    const line = formatProblem(terminalSafe(problem));
    context.stderr.write(`${problem.severity === 'error' ? style.red('✖') : style.yellow('⚠')} ${line}\n`);
  }
}
