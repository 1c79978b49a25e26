import { CST, isMap, isPair, isScalar, isSeq, Lexer, parseDocument, visit, type Document, type Node } from 'yaml';
import { excerpt, type Problem } from '../problem.js';
import { fastParse } from './fast-parse.js';
import { lineStarts, plainOffsetOfPath } from './plain-locate.js';
import { positionAt } from './source-text.js';

// Parses one YAML document, keeping what locates any later problem: the node tree, at once
// (parseYaml), or for the files the fast reader takes (readYaml) their lines, and the node tree
// only where the lines cannot say.

export const MAX_ALIASES = 100;

type PathSegment = string | number;

/** A document read: its data, and where a path into it is (offsetOf, as offsetOfPath gives it in the node tree). */
export interface ParsedDocument {
  readonly ok: true;
  readonly data: unknown;
  readonly text: string;
  offsetOf(path: readonly PathSegment[], key?: boolean): number;
}
export type ParsedYaml = ParsedDocument | { ok: false; problems: Problem[] };

/** Deeper than any aiclaim file needs; the parser takes seconds over megabytes of nested brackets. */
export const MAX_FLOW_DEPTH = 64;

/** The fast reader's data where it takes the file; else parseYaml. */
export function readYaml(text: string, file: string): ParsedYaml {
  const data = fastParse(text);
  return data === undefined ? parseYaml(text, file) : new FastReading(data, text);
}

/**
 * A file the fast reader took: the precise reader would read the same data from it (a property
 * test holds the two to that), so only where its problems are is left to find. From its lines
 * where they say exactly (plain-locate.ts), else from the node tree, built the first time it is
 * needed. A class, not an object literal: V8 gives each literal with a getter or a method closing
 * over the text a hidden class of its own, which keeps the file's text and data past the young
 * generation's collections, so every file read would be promoted to the old one.
 */
class FastReading implements ParsedDocument {
  readonly ok = true;
  #starts: number[] | undefined;
  #doc: Document | undefined;

  constructor(
    readonly data: unknown,
    readonly text: string,
  ) {}

  offsetOf(path: readonly PathSegment[], key = false): number {
    const found = plainOffsetOfPath(this.text, (this.#starts ??= lineStarts(this.text)), path, key);
    return found ?? offsetOfPath((this.#doc ??= yamlDocument(this.text)), path, key);
  }
}

/** A file the precise reader read, with its node tree. */
class PreciseReading implements ParsedDocument {
  readonly ok = true;

  constructor(
    readonly data: unknown,
    readonly text: string,
    private readonly doc: Document,
  ) {}

  offsetOf(path: readonly PathSegment[], key = false): number {
    return offsetOfPath(this.doc, path, key);
  }
}

/** The precise reading of a text. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const deep = flowTooDeep(text);
  if (deep !== undefined) return { ok: false, problems: [{ ...tooDeep(file), ...positionAt(text, deep) }] };
  let doc: Document;
  try {
    doc = yamlDocument(text);
  } catch (error) {
    return { ok: false, problems: [fatal(file, error)] };
  }
  if (doc.errors.length > 0) {
    if (doc.errors.some((e) => /call stack/i.test(e.message))) return { ok: false, problems: [tooDeep(file)] };
    return {
      ok: false,
      problems: doc.errors.slice(0, 5).map((e) => ({
        file,
        ...positionAt(text, e.pos[0]),
        message: yamlMessage(e.code, e.message),
        hint: yamlHint(e.code),
        severity: 'error' as const,
      })),
    };
  }
  const duplicates = duplicateKeys(doc);
  if (duplicates.length > 0) {
    return {
      ok: false,
      problems: duplicates.slice(0, 5).map((offset) => ({
        file,
        ...positionAt(text, offset),
        message: yamlMessage('DUPLICATE_KEY', ''),
        hint: yamlHint('DUPLICATE_KEY'),
        severity: 'error' as const,
      })),
    };
  }
  if (doc.contents === null) {
    return { ok: false, problems: [{ file, message: 'file holds no YAML content', hint: 'add content or remove the file', severity: 'error' }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return { ok: false, problems: [fatal(file, error)] };
  }
  return new PreciseReading(data, text, doc);
}

function yamlDocument(text: string): Document {
  // Duplicate keys are looked for below: the library's own check is quadratic in a mapping's keys.
  return parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true, stringKeys: false });
}

/** Where flow collections ([ ], { }) first nest deeper than MAX_FLOW_DEPTH, if they do. */
export function flowTooDeep(text: string): number | undefined {
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets++;
  }
  if (brackets <= MAX_FLOW_DEPTH) return undefined;
  // The library's own lexer tells brackets from text; it stops as soon as the limit is passed.
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > MAX_FLOW_DEPTH) return offset;
    } else if (token === ']' || token === '}') {
      depth--;
    }
    if (!MARKERS.has(token)) offset += token.length;
  }
  return undefined;
}

/** Tokens the lexer inserts that are not in the source. */
const MARKERS = new Set([CST.BOM, CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/** Where each key that repeats an earlier key of its mapping starts; keys equal as the library compares them. */
function duplicateKeys(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) offsets.push(rangeStart(pair.key) ?? rangeStart(map) ?? 0);
        seen.add(key);
      }
    },
  });
  return offsets.sort((a, b) => a - b);
}

function tooDeep(file: string): Problem {
  return {
    file,
    message: 'YAML is nested too deeply to read',
    hint: 'aiclaim files are only a few levels deep; check that this is the file you meant',
    severity: 'error',
  };
}

function fatal(file: string, error: unknown): Problem {
  if (error instanceof RangeError) return tooDeep(file);
  if (error instanceof ReferenceError && /alias/i.test(error.message)) {
    return {
      file,
      message: 'YAML expands too many aliases (a resource-exhaustion pattern)',
      hint: 'write the values out instead of using * aliases',
      severity: 'error',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { file, message: `YAML could not be read: ${excerpt(message.split('\n')[0] ?? message, 200)}`, severity: 'error' };
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'duplicate key: each key may appear only once in a mapping';
  if (code === 'MULTIPLE_DOCS') return 'file holds more than one YAML document';
  const firstLine = message.split('\n')[0] ?? message;
  return `YAML syntax error: ${excerpt(firstLine.replace(/ at line \d+, column \d+.*$/, ''), 200)}`;
}

function yamlHint(code: string): string | undefined {
  if (code === 'DUPLICATE_KEY') return 'remove or rename one of them';
  if (code === 'MULTIPLE_DOCS') return 'keep one document per file (remove the extra ---)';
  if (code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  return undefined;
}

/**
 * The source offset for a path into the document: the value's node, or (for `key`) the key of
 * the last segment. Where the path does not exist, the nearest existing parent.
 */
export function offsetOfPath(doc: Document, path: readonly PathSegment[], key = false): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return offset;
      if (key && i === path.length - 1) return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return offset;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
