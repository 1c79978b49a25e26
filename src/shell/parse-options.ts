import type * as z from 'zod';
import { UserError } from './user-error.js';

/** Options are checked for meaning once, at the edge; a bad one is a usage error (exit 2). */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // A list option's item is still that option: --fail-on, not --fail-on.0.
  const name = issue.path.filter((part) => typeof part !== 'number').map(String).join('.');
  const flag = name ? `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : 'options';
  throw new UserError(`${flag}: ${issue.message}`, { hint: 'see --help for the accepted values' });
}
