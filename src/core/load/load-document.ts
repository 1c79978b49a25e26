import type * as z from 'zod';
import type { Problem } from '../problem.js';
import { SCHEMA_IDS, type FileKind } from '../schema/common.js';
import { checkKeys } from '../validate/check-keys.js';
import { locateIssues } from '../validate/path-issue.js';
import { checkSchema, type YamlSource } from '../validate/schema-problems.js';
import { readYaml, type ParsedDocument } from '../yaml/parse-yaml.js';

// From text to typed data: parse, recognise the kind of file, validate its shape.

export type Loaded<T> = { ok: true; value: T; source: YamlSource; warnings: Problem[] } | { ok: false; problems: Problem[] };

/** Where a parsed file's problems are located (ParsedDocument.offsetOf). A class for the reason FastReading is one (parse-yaml.ts). */
class ParsedSource implements YamlSource {
  readonly text: string;

  constructor(
    readonly file: string,
    private readonly parsed: ParsedDocument,
  ) {
    this.text = parsed.text;
  }

  offsetOf(path: readonly (string | number)[], key?: boolean): number {
    return this.parsed.offsetOf(path, key);
  }
}

export function kindOf(data: unknown): FileKind | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const key = (data as { schema?: unknown }).schema;
  return (Object.keys(SCHEMA_IDS) as FileKind[]).find((kind) => SCHEMA_IDS[kind] === key);
}

/** A file's text, or the text already parsed (by a caller that had to look inside it first). */
export type YamlInput = string | ParsedDocument;

/**
 * `load` over the text as read, fast where it can be. The fast reader takes only texts the precise
 * reader reads to the same data (a property test holds them to it), so what is said of a file is
 * what the precise reading would give; where it is said, its reading locates (parse-yaml.ts).
 */
export function loadClean<T>(input: YamlInput, file: string, load: (parsed: ParsedDocument) => Loaded<T>): Loaded<T> {
  const parsed = typeof input === 'string' ? readYaml(input, file) : input;
  return parsed.ok ? load(parsed) : parsed;
}

export function loadDocument<S extends z.ZodType>(input: YamlInput, file: string, kind: FileKind, schema: S): Loaded<z.output<S>> {
  return loadClean(input, file, (parsed) => checkDocument(parsed, file, kind, schema));
}

/** The kind, keys and shape of a parsed file (loadClean answers for the reader). */
export function checkDocument<S extends z.ZodType>(parsed: ParsedDocument, file: string, kind: FileKind, schema: S): Loaded<z.output<S>> {
  const source = new ParsedSource(file, parsed);
  const found = kindOf(parsed.data);
  if (found !== kind) {
    const wanted = SCHEMA_IDS[kind];
    const problem: Problem = {
      file,
      line: 1,
      column: 1,
      message: found ? `this is a ${found} file, not a ${kind} file` : `not a ${kind} file: the first key should be "schema: ${wanted}"`,
      hint: found ? undefined : `add "schema: ${wanted}" at the top if this is a ${kind} file`,
      severity: 'error',
    };
    return { ok: false, problems: [problem] };
  }
  // Keys the schema would drop or misread (`__proto__`, `constructor`, 4 MiB keys): refused first.
  const keys = checkKeys(parsed.data);
  if (keys.length > 0) return { ok: false, problems: locateIssues(source, keys) };
  const checked = checkSchema(schema, parsed.data, source);
  if (!checked.ok) return checked;
  return { ok: true, value: checked.value, source, warnings: [] };
}
