import type * as z from 'zod';
import { messageFor } from '../core/validate/schema-problems.js';
import { UserError } from './user-error.js';

/** Options are checked for meaning once, at the edge; a bad one is a usage error (exit 2). */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // The same words as for a file's values ("must be at most 100"), not the schema library's own.
  const result = schema.safeParse(input, { error: messageFor });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // A list option's item is still that option: --fail-on, not --fail-on.0.
  const name = issue.path
    .filter((part) => typeof part !== 'number')
    .map(String)
    .join('.');
  const flag = name ? `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : 'options';
  throw new UserError(`${flag}: ${issue.message}`, { hint: 'see --help for the accepted values' });
}
