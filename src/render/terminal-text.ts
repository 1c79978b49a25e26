// Text from files, made safe for a terminal on the way out. A vendor name, a claim or a CSV cell
// comes from outside the buying team; printed raw, an escape sequence in it can retitle the
// terminal, clear the screen, move the cursor or hide text, and a bidi override can make a line
// read backwards. Every such character is shown instead, visibly and unambiguously enough to be
// noticed and reported:
//
//   ESC                                   \e
//   LF, CR, TAB                           \n  \r  \t
//   other C0 controls, DEL, C1 controls   \xNN  (two hex digits, lower case: BEL is \x07, CSI \x9b)
//   bidi controls, zero-width and other
//   invisible format characters           <U+XXXX>  (upper case: <U+202E>, <U+200B>, <U+FEFF>)
//
// The characters shown as <U+XXXX>: U+061C (Arabic letter mark), U+200B–U+200F (zero-width space,
// non-joiner, joiner; left-to-right and right-to-left marks), U+2028 and U+2029 (line and paragraph
// separators), U+202A–U+202E (embeddings and overrides), U+2060–U+206F (word joiner, invisible
// operators, U+2065, isolates U+2066–U+2069, deprecated format controls) and U+FEFF (zero-width
// no-break space, byte-order mark). U+00AD (soft hyphen) is left as text.
//
// Each character is replaced on its own, so terminalText(a + b) === terminalText(a) + terminalText(b):
// text aiclaim builds from file strings made safe is itself safe. Apply it to file strings and
// models, never to text aiclaim lays out itself (its own newlines and colour codes). The display
// is for reading, not for reversing: a file that spells a backslash and an "e" reads the same as ESC.

import { joinsEmoji } from './emoji-join.js';
import { isPlainObject } from './plain-object.js';

/** One character a terminal would act on, or that hides or reorders text. No `g` flag: `.test()` keeps no state. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

const NAMED: Readonly<Record<string, string>> = { '\u001b': '\\e', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function shown(char: string, offset: number, whole: string): string {
  if (joinsEmoji(whole, offset)) return char;
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code <= 0x9f ? `\\x${code.toString(16).padStart(2, '0')}` : `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** A string from a file, as it may be printed to a terminal: the same string when it is clean. */
export function terminalText(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, shown) : text;
}

/**
 * What JSON.stringify and a YAML writer leave as it is of those characters: DEL, the C1 controls
 * (CSI is one) and the invisible format characters. Printed, they act on a terminal as they would
 * in a table; in data they are written as the format's own escapes instead, the same data read back.
 */
const UNSAFE_IN_DATA = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;
const UNSAFE_IN_DATA_ALL = new RegExp(UNSAFE_IN_DATA.source, 'g');

/** Whether a string holds a character dataEscaped would escape (a joiner inside an emoji is text). */
export function needsDataEscape(text: string): boolean {
  if (!UNSAFE_IN_DATA.test(text)) return false;
  for (const match of text.matchAll(UNSAFE_IN_DATA_ALL)) if (!joinsEmoji(text, match.index)) return true;
  return false;
}

/**
 * JSON, or YAML whose strings holding such characters are all double-quoted, with each written as an
 * escape the format reads back (JSON \u009b; YAML \x9b, \u202e): the same data, and nothing a
 * terminal acts on. Both formats keep such characters only inside strings, so every one is escaped
 * where an escape means it.
 */
export function dataEscaped(serialised: string, format: 'json' | 'yaml'): string {
  if (!UNSAFE_IN_DATA.test(serialised)) return serialised;
  return serialised.replace(UNSAFE_IN_DATA_ALL, (char, offset: number, whole: string) => {
    if (joinsEmoji(whole, offset)) return char;
    const code = char.charCodeAt(0);
    return format === 'yaml' && code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Whether `text` holds anything terminalText would show differently. */
export function isTerminalSafe(text: string): boolean {
  return !UNSAFE.test(text);
}

/**
 * A whole message made of lines aiclaim writes (an error, a problem, a prompt): every line made
 * safe, the newlines between them kept. For text with no colour codes of aiclaim's own in it.
 */
export function terminalLines(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text
    .split('\n')
    .map((line) => terminalText(line))
    .join('\n');
}

/**
 * A plain-data model (strings, numbers, arrays, plain or null-prototype objects, Maps, Sets) with
 * every string in it (keys included) made safe for the terminal, for a renderer to be handed in one
 * call. Nothing is changed in place: what holds no unsafe string is returned as it is (the same
 * object), and what does is copied, sharing every clean part. Other objects (class instances,
 * dates) are left as they are, and so is a reference back to an object being walked (a cycle).
 * Cheap on clean data: a score of 15,000 vendors is walked in tens of milliseconds.
 */
export function terminalSafe<T>(value: T): T {
  return safeValue(value, []) as T;
}

/** `walking`: the objects from the top down to this one, to leave a cycle alone. */
function safeValue(value: unknown, walking: object[]): unknown {
  if (typeof value === 'string') return UNSAFE.test(value) ? value.replace(UNSAFE_ALL, shown) : value;
  if (value === null || typeof value !== 'object' || walking.includes(value)) return value;
  walking.push(value);
  const out = safeObjectOf(value, walking);
  walking.pop();
  return out;
}

function safeObjectOf(value: object, walking: object[]): unknown {
  if (Array.isArray(value)) return safeArray(value, walking);
  if (isPlainObject(value)) return safeObject(value, walking);
  if (value instanceof Map) return safeMap(value, walking);
  if (value instanceof Set) return safeSet(value, walking);
  return value;
}

function safeArray(array: readonly unknown[], walking: object[]): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < array.length; i++) {
    const item = array[i];
    const safe = safeValue(item, walking);
    if (safe !== item) (copy ??= array.slice())[i] = safe;
  }
  return copy ?? (array as unknown[]);
}

function safeObject(object: object, walking: object[]): object {
  const keys = Object.keys(object);
  const source = object as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const item = source[key];
    const k = terminalText(key);
    const v = safeValue(item, walking);
    if (!copy && (k !== key || v !== item)) {
      copy = Object.create(Object.getPrototypeOf(object) as object | null) as Record<string, unknown>;
      for (let j = 0; j < i; j++) define(copy, keys[j]!, source[keys[j]!]);
    }
    if (copy) define(copy, k, v);
  }
  return copy ?? object;
}

/** As an own property, whatever the key: "__proto__" from a file stays a key, never a prototype. */
function define(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function safeMap(map: ReadonlyMap<unknown, unknown>, walking: object[]): Map<unknown, unknown> {
  let changed = false;
  const safe: [unknown, unknown][] = [];
  for (const [key, item] of map) {
    const k = safeValue(key, walking);
    const v = safeValue(item, walking);
    if (k !== key || v !== item) changed = true;
    safe.push([k, v]);
  }
  return changed ? new Map(safe) : (map as Map<unknown, unknown>);
}

function safeSet(set: ReadonlySet<unknown>, walking: object[]): Set<unknown> {
  let changed = false;
  const safe: unknown[] = [];
  for (const item of set) {
    const v = safeValue(item, walking);
    if (v !== item) changed = true;
    safe.push(v);
  }
  return changed ? new Set(safe) : (set as Set<unknown>);
}
