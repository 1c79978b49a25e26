import { dataEscaped } from './terminal-text.js';
import { isPlainObject } from './plain-object.js';

// JSON as aiclaim prints it: indented, one line break at the end, and no character in a string a
// terminal would act on (dataEscaped): the data is the same, read back by any JSON reader.
//
// Written in pieces: a diff of two 15,000-vendor snapshots is 450 MB of JSON, and made as one
// string it was held twice over (the string, then the bytes written) on top of the data. Each
// piece is the exact text JSON.stringify(data, null, 2) has there, so the pieces joined are that
// text, byte for byte (tests/unit/json-pieces.test.ts holds them to it).

/** How deep objects and arrays are written member by member; below, each value is one JSON.stringify. */
const STREAMED_DEPTH = 3;

/** Pieces are joined up to about this many characters before they are given out (fewer, larger writes). */
const PIECE_CHARS = 1 << 16;

export function jsonText(data: unknown): string {
  let text = '';
  for (const piece of jsonPieces(data)) text += piece;
  return text;
}

/** jsonText(data), in pieces of about `pieceChars` characters, each made safe on its own. */
export function* jsonPieces(data: unknown, pieceChars = PIECE_CHARS): Generator<string> {
  let pending = '';
  for (const part of parts(asWritten(data, ''), '', 0)) {
    pending += part;
    // Parts end between values, never inside a string: each piece is escaped as the whole would be.
    if (pending.length >= pieceChars) {
      yield dataEscaped(pending, 'json');
      pending = '';
    }
  }
  yield `${dataEscaped(pending, 'json')}\n`;
}

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** The value JSON.stringify writes for `value` under `key`: its toJSON's, where it has one. */
function asWritten(value: unknown, key: string): unknown {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof value === 'object' && value !== null && typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(value, key) : value;
}

/** The text of `written` (a value as JSON.stringify writes it: asWritten) at `indent`, in parts. */
function* parts(written: unknown, indent: string, depth: number): Generator<string> {
  if (depth >= STREAMED_DEPTH || !(Array.isArray(written) || isPlainObject(written))) {
    // JSON's strings hold no raw line break: every one is the layout's, indented here as it would be whole.
    const text = String(JSON.stringify(written, null, 2));
    yield indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  let first = true;
  if (Array.isArray(written)) {
    for (let i = 0; i < written.length; i++) {
      yield first ? `[\n${inner}` : `,\n${inner}`;
      first = false;
      const item = asWritten(written[i], String(i));
      if (omitted(item)) yield 'null';
      else yield* parts(item, inner, depth + 1);
    }
    yield first ? '[]' : `\n${indent}]`;
    return;
  }
  for (const name of Object.keys(written)) {
    const member = asWritten(written[name], name);
    if (omitted(member)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(name)}: `;
    first = false;
    yield* parts(member, inner, depth + 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}
