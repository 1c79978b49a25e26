import { Document, visit } from 'yaml';
import { dataEscaped, needsDataEscape } from './terminal-text.js';
import { isPlainObject } from './plain-object.js';

// YAML as aiclaim writes it: stable key order, no line folding, an editor schema hint on top. A
// string holding a character a terminal would act on (a C1 control, a bidi override) is written
// double-quoted, the character as an escape (dataEscaped): the same data read back.
//
// Written in pieces: the diff of two 15,000-vendor snapshots is 320 MB of YAML, and one Document
// of all of it took minutes and gigabytes. Each member of the top-level mapping (or item of the
// top-level sequence), and each item of a top-level member's sequence, is its own small Document;
// the texts joined are, byte for byte, what the one Document gives (tests/unit/yaml-pieces.test.ts
// holds them to it): a block collection's lines are its items' lines, indented.

/** Pieces are joined up to about this many characters before they are given out (fewer, larger writes). */
const PIECE_CHARS = 1 << 16;

export function yamlText(data: unknown, schemaPath?: string): string {
  let text = '';
  for (const piece of yamlPieces(data, schemaPath)) text += piece;
  return text;
}

/** yamlText(data, schemaPath), in pieces of about `pieceChars` characters, each whole lines. */
export function* yamlPieces(data: unknown, schemaPath?: string, pieceChars = PIECE_CHARS): Generator<string> {
  let pending = schemaPath ? `${schemaHint(schemaPath)}\n` : '';
  for (const part of parts(data)) {
    pending += part;
    if (pending.length >= pieceChars) {
      yield pending;
      pending = '';
    }
  }
  yield pending;
}

/** Lets editors with the YAML language server validate and complete the file as it is typed. */
export function schemaHint(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}`;
}

/** The text of `data` as one Document, in parts that are each a Document of their own. */
function* parts(data: unknown): Generator<string> {
  if (Array.isArray(data) && data.length > 0) {
    for (const item of data) yield documentText([item]);
    return;
  }
  if (!isPlainObject(data)) {
    yield documentText(data);
    return;
  }
  // A Document leaves out a member whose value is undefined; with none left, the mapping is `{}`.
  const names = Object.keys(data).filter((name) => data[name] !== undefined);
  if (names.length === 0) yield documentText(data);
  for (const name of names) {
    const value = data[name];
    const head = Array.isArray(value) && value.length > 0 ? keyLine(name) : undefined;
    if (head === undefined) {
      yield documentText({ [name]: value });
      continue;
    }
    yield head;
    for (const item of value as unknown[]) yield indented(documentText([item]));
  }
}

/**
 * `name:` and its line break, as a mapping writes the key of a block sequence, or undefined where
 * the key is not written on one line of its own (an explicit `? ` key): that member is written whole.
 */
function keyLine(name: string): string | undefined {
  const text = documentText({ [name]: [null] });
  const line = text.slice(0, text.indexOf('\n') + 1);
  return text === `${line}  - null\n` && line.endsWith(':\n') ? line : undefined;
}

/** A block sequence's item text, as it is under a mapping's key: every line but an empty one two spaces in. */
function indented(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
}

/** One Document's text: strings that need escapes double-quoted, then escaped. */
function documentText(data: unknown): string {
  const doc = new Document(data, { aliasDuplicateObjects: false });
  let escaped = false;
  // Visiting every node of every Document is a tenth of the writing: only where a string may need it.
  if (holdsEscapes(data))
    visit(doc, {
      Scalar(_, node) {
        if (typeof node.value === 'string' && needsDataEscape(node.value)) {
          node.type = 'QUOTE_DOUBLE';
          escaped = true;
        }
      },
    });
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0 });
  return escaped ? dataEscaped(text, 'yaml') : text;
}

/** Whether a string in `data`, key or value, needs escapes; an object a Document may write otherwise (a Map, a toJSON) is looked at through the Document. */
function holdsEscapes(value: unknown): boolean {
  if (typeof value === 'string') return needsDataEscape(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsEscapes);
  if (!isPlainObject(value) || typeof value.toJSON === 'function') return true;
  for (const name of Object.keys(value)) if (needsDataEscape(name) || holdsEscapes(value[name])) return true;
  return false;
}
