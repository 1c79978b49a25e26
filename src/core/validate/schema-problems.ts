import type * as z from 'zod';
import { capProblems, excerpt, MAX_PROBLEMS_PER_FILE, quoted, type Problem } from '../problem.js';
import { isReservedName, MAX_NAME_LENGTH, RESERVED_HINT } from '../schema/limits.js';
import { positionAt } from '../yaml/source-text.js';
import { closest } from './did-you-mean.js';

// Runs a zod schema over parsed YAML and turns its issues into one located line each.

/** A file read, and where a path into it is (ParsedDocument.offsetOf, parse-yaml.ts). */
export interface YamlSource {
  file: string;
  text: string;
  offsetOf(path: readonly (string | number)[], key?: boolean): number;
}

type Path = (string | number)[];
type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

export type SchemaResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * zod compiles a fast path for each object schema the first time it runs with it: worth it over a
 * batch of files, a loss when one file is read. The first few files of each schema go without.
 */
const COMPILE_AFTER = 8;
const uses = new WeakMap<z.ZodType, number>();

export function checkSchema<S extends z.ZodType>(schema: S, data: unknown, source: YamlSource): SchemaResult<z.output<S>> {
  const used = uses.get(schema) ?? 0;
  if (used <= COMPILE_AFTER) uses.set(schema, used + 1);
  // The error map sees the schema that raised each issue; keep what it knows for the messages.
  const knownKeys = new Map<string, string[]>();
  const result = schema.safeParse(data, {
    jitless: used < COMPILE_AFTER,
    error: (issue: RawIssue) => {
      if (issue.code === 'unrecognized_keys') {
        const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
        if (shape) knownKeys.set(JSON.stringify(issue.path ?? []), Object.keys(shape));
      }
      return messageFor(issue);
    },
  });
  if (result.success) return { ok: true, value: result.data };
  // Only the problems that will be listed are located: a file of thousands of bad keys stays quick.
  const issues = result.error.issues;
  const total = issues.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? i.keys.length : 1), 0);
  const listed = toProblems(issues.slice(0, MAX_PROBLEMS_PER_FILE), [], { source, data }, knownKeys);
  return { ok: false, problems: capProblems(listed, source.file, Math.max(total, listed.length)) };
}

export function locate(source: YamlSource, path: readonly (string | number)[], key = false): { line: number; column: number } {
  return positionAt(source.text, source.offsetOf(path, key));
}

/** A source and the data read from it (not spread into one object: a spread would drop a source's methods). */
type SourceWithData = { source: YamlSource; data: unknown };

function toProblems(issues: readonly Issue[], base: Path, read: SourceWithData, knownKeys: Map<string, string[]>): Problem[] {
  const { source } = read;
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as Path)];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      problems.push(...toProblems(bestBranch(issue.errors, issue, path, read), path, read, knownKeys));
      continue;
    }
    if (issue.code === 'invalid_key' && issue.issues.length > 0) {
      // A record key that is not what the record is keyed by (a slug, a short path): said of the key.
      const inner = issue.issues[0]!;
      problems.push({
        file: source.file,
        ...locate(source, path, true),
        message: `${label(path)}: this key ${inner.message}`,
        hint: hintFor(inner, issue.input),
        severity: 'error',
      });
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys.get(JSON.stringify(issue.path)) ?? knownKeys.get(JSON.stringify(path)) ?? [];
      for (const key of issue.keys.slice(0, MAX_PROBLEMS_PER_FILE)) {
        const suggestion = closest(key, known);
        problems.push({
          file: source.file,
          ...locate(source, [...path, key], true),
          message: `${label([...path, key])}: unknown key`,
          hint: suggestion ? `did you mean "${suggestion}"?` : known.length ? `expected one of: ${known.join(', ')}` : undefined,
          severity: 'error',
        });
      }
      continue;
    }
    problems.push({
      file: source.file,
      ...locate(source, path, valueAt(read, path) === undefined),
      message: `${label(path)}: ${issue.message}`,
      hint: hintFor(issue, valueAt(read, path)),
      severity: 'error',
    });
  }
  return problems;
}

/**
 * Of a union's failed branches, the one the author most likely meant: the branch whose shape
 * matched (no type mismatch at the union itself), then the one with fewest complaints.
 */
function bestBranch(branches: Issue[][], union: Issue, path: Path, read: SourceWithData): Issue[] {
  const cost = (issues: Issue[]) =>
    issues.reduce((sum, i) => sum + (i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value') ? 100 : 1), 0);
  const sorted = [...branches].sort((a, b) => cost(a) - cost(b));
  const best = sorted[0]!;
  if (cost(best) >= 100) {
    // Nothing matched the shape: name what would have.
    const expected = [...new Set(branches.map((b) => describeExpected(b[0])).filter(Boolean))];
    const actual = describe(valueAt(read, path));
    return [{ ...union, code: 'custom', path: [], message: `must be ${expected.join(' or ')}, not ${actual}` } as Issue];
  }
  return best;
}

function describeExpected(issue: Issue | undefined): string | undefined {
  if (!issue) return undefined;
  if (issue.code === 'invalid_type') return article(issue.expected);
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v)).join(' or ');
  return undefined;
}

function valueAt(read: SourceWithData, path: Path): unknown {
  let node: unknown = read.data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** The message a person reads for a schema issue (files and command-line options alike); undefined: the schema's own. */
export function messageFor(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      // YAML reads .inf and .nan as numbers; no amount, weight or bound can be one.
      if (issue.expected === 'number' && typeof issue.input === 'number') return `must be a finite number, not ${String(issue.input)}`;
      return `must be ${article(issue.expected)}, not ${describe(issue.input)}`;
    case 'invalid_value':
      if (issue.values.length === 1) return `must be ${JSON.stringify(issue.values[0])}`;
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      return `must be ${issue.inclusive ? 'at least' : 'above'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `allows at most ${issue.maximum} items`;
      if (issue.origin === 'string') {
        const length = typeof issue.input === 'string' ? issue.input.length : undefined;
        return length === undefined
          ? `must be at most ${count(issue.maximum)} characters`
          : `is ${count(length)} characters long; the limit is ${count(issue.maximum)}`;
      }
      return `must be ${issue.inclusive ? 'at most' : 'below'} ${issue.maximum}`;
    default:
      return undefined;
  }
}

function hintFor(issue: Issue, input: unknown): string | undefined {
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return Number(issue.maximum) <= MAX_NAME_LENGTH
      ? `shorten it to ${count(issue.maximum)} characters at most: this is a name, a title or an id`
      : `shorten it to ${count(issue.maximum)} characters at most, and keep the full text in a document the file refers to (evidence: a URL or a document reference)`;
  }
  if (issue.code === 'invalid_format' && isReservedName(input)) return RESERVED_HINT;
  if (issue.code === 'invalid_value' && issue.values.length > 1 && typeof input === 'string') {
    const suggestion = closest(input, issue.values.map(String));
    if (suggestion) return `did you mean "${suggestion}"?`;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
    return `YAML read ${String(input)} as a ${typeof input}; put the text in quotes`;
  }
  return undefined;
}

function article(type: string): string {
  if (type === 'object' || type === 'record') return 'a mapping (key: value lines)';
  if (type === 'array') return 'a list';
  if (type === 'int') return 'a whole number';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${quoted(value, 40)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/** 5138022 → "5,138,022". */
function count(n: number | bigint): string {
  return n.toLocaleString('en-US');
}

/** answers.training-records.value, roadmap[2].due */
export function label(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(top level)';
  // Keys come from the file: each one cut to a short excerpt, so that a 4 MiB key makes a short label.
  return path.reduce<string>(
    (out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${excerpt(segment)}` : excerpt(segment)),
    '',
  );
}
