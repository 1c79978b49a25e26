import { colourFor } from './colour.js';
import type { Context } from './context.js';
import { printProblems } from './print-problems.js';
import { ProblemsError, UserError } from './user-error.js';

export const EXIT_INTERNAL = 70;

/** Known errors print one clear block; anything else is a bug and prints its stack. */
export function reportError(error: unknown, context: Context, debug: boolean): number {
  const style = colourFor(context.stderr, context.env);
  if (error instanceof ProblemsError) {
    printProblems(error.problems, context);
    if (debug) context.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  if (error instanceof UserError) {
    context.stderr.write(`${style.red('error:')} ${error.message}\n`);
    if (error.hint) context.stderr.write(`${style.dim('hint:')} ${error.hint}\n`);
    if (debug) context.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  context.stderr.write(`${style.red('internal error:')} ${stack}\n`);
  context.stderr.write('This is a bug in aiclaim. Please report it with the command you ran and the files it read.\n');
  return EXIT_INTERNAL;
}
