import { MAX_PROBLEMS_PER_FILE } from '../problem.js';
import { isReservedName, MAX_KEY_LENGTH, RESERVED_HINT } from '../schema/limits.js';
import type { PathIssue } from './path-issue.js';
import { label } from './schema-problems.js';

// The keys of every mapping in a file, before its schema sees it. The YAML library reads a key
// `__proto__` into an own property; the schema would then drop it without a word (a record's
// output cannot hold it), and a key such as `constructor` is one every plain object already
// answers to. Such keys, and keys far longer than any field name or id, are refused here with
// their place in the file.

type Path = (string | number)[];

/** A node to visit, with the way to it kept as links to its parent: a path is built only for a problem. */
interface Visit {
  value: unknown;
  parent: Visit | undefined;
  segment: string | number;
}

function pathOf(visit: Visit | undefined): Path {
  const path: Path = [];
  for (let at = visit; at?.parent !== undefined; at = at.parent) path.push(at.segment);
  return path.reverse();
}

/** Problems with the keys of `data` (parsed YAML), at most one more than a file lists. */
export function checkKeys(data: unknown): PathIssue[] {
  const issues: PathIssue[] = [];
  const seen = new Set<object>();
  // Depth first, without recursion: nesting is bounded by the parser, not by the stack.
  const stack: Visit[] = [{ value: data, parent: undefined, segment: '' }];
  while (stack.length > 0 && issues.length <= MAX_PROBLEMS_PER_FILE) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    // An alias makes two paths to one node: its keys are checked once.
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: visit, segment: i });
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
      if (isReservedName(key)) {
        const path = [...pathOf(visit), key];
        issues.push({ path, key: true, message: `${label(path)}: "${key}" is a reserved name and cannot be a key`, hint: RESERVED_HINT });
      } else if (key.length > MAX_KEY_LENGTH) {
        const path = [...pathOf(visit), key];
        issues.push({
          path,
          key: true,
          message: `${label(path)}: this key is ${key.length.toLocaleString('en-US')} characters long; the limit is ${MAX_KEY_LENGTH.toLocaleString('en-US')}`,
          hint: 'keys are field names and ids: check that this is the file you meant',
        });
      }
    }
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (value as Record<string, unknown>)[keys[i]!], parent: visit, segment: keys[i]! });
  }
  return issues;
}
