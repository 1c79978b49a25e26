import { terminalLines } from '../render/terminal-text.js';
import { colourFor } from './colour.js';
import type { Context } from './context.js';
import { printProblems } from './print-problems.js';
import { systemError } from './system-error.js';
import { ProblemsError, UserError } from './user-error.js';

const EXIT_INTERNAL = 70;

/** Known errors print one clear block; anything else is a bug and prints its stack. */
export function reportError(error: unknown, context: Context, debug: boolean): number {
  const style = colourFor(context.stderr, context.env);
  if (error instanceof ProblemsError) {
    printProblems(error.problems, context);
    if (debug) context.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  // What the system refused (a full disk, a read-only folder, a path too long) is not a bug.
  const original = error;
  if (!(error instanceof UserError)) error = systemError(error, context.cwd) ?? error;
  if (error instanceof UserError) {
    // Messages quote names and paths from files: shown safe for the terminal, line by line.
    context.stderr.write(`${style.red('error:')} ${terminalLines(error.message)}\n`);
    if (error.hint) context.stderr.write(`${style.dim('hint:')} ${terminalLines(error.hint)}\n`);
    if (debug) context.stderr.write(`${(original as Error).stack}\n`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  context.stderr.write(`${style.red('internal error:')} ${terminalLines(stack)}\n`);
  context.stderr.write('This is a bug in aiclaim. Please report it with the command you ran and the files it read.\n');
  return EXIT_INTERNAL;
}
