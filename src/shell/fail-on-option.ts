import * as z from 'zod';

/** `--fail-on`, as score and diff take it: each value one of the command's gates (core/gates.ts). */
export function failOnOption<const Gates extends readonly [string, ...string[]]>(gates: Gates) {
  return z.array(z.enum(gates, { error: (issue) => `"${String(issue.input)}" is not something to fail on: use ${gates.join(', ')}` })).default([]);
}
