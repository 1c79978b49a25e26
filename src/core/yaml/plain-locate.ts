// Where a path is in a text the fast reader took (plain-yaml.ts), found from the lines themselves:
// the offset offsetOfPath (parse-yaml.ts) finds in the precise reader's node tree, without
// building it. A file with thousands of problems (20,000 unknown keys) is located in milliseconds
// rather than the precise reader's hundreds. Only block mappings and sequences are walked, and only
// keys that can be nothing but the string they spell; anything else (a flow collection to go into,
// an empty value, a key that reads as a number, a boolean or null, a quoted key with an escape)
// answers undefined, and the node tree is built after all. A property test holds it to offsetOfPath.

type Segment = string | number;

/** A node as the lines show it: where it starts, and for a block collection the column and line of its first entry. */
type LineNode = { kind: 'map' | 'seq'; start: number; column: number; line: number } | { kind: 'flow' | 'scalar'; start: number } | { kind: 'unknown' };

const UNKNOWN: LineNode = { kind: 'unknown' };

/** A plain key that the core schema reads as the string it spells, and nothing else. */
const STRING_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const NOT_STRINGS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** Where each line of a text starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

class Lines {
  constructor(
    readonly text: string,
    readonly starts: readonly number[],
  ) {}

  get count(): number {
    return this.starts.length;
  }

  /** Where line `i`'s content ends: before its line break (and a carriage return before it). */
  end(i: number): number {
    let end = i + 1 < this.starts.length ? this.starts[i + 1]! - 1 : this.text.length;
    if (end > this.starts[i]! && this.text.charCodeAt(end - 1) === 0x0d) end--;
    return end;
  }

  /** Where line `i`'s first character that is not a space is; its end when there is none. */
  contentStart(i: number): number {
    const end = this.end(i);
    let at = this.starts[i]!;
    while (at < end && this.text.charCodeAt(at) === 0x20) at++;
    return at;
  }

  /** Whether line `i` holds nothing but spaces, or a comment. */
  isBlank(i: number): boolean {
    const at = this.contentStart(i);
    return at === this.end(i) || this.text.charCodeAt(at) === 0x23;
  }

  column(at: number, line: number): number {
    return at - this.starts[line]!;
  }

  /** Whether a sequence's item indicator (`-`, then a space or the line's end) is at `at` on line `i`. */
  isItem(i: number, at: number): boolean {
    return this.text.charCodeAt(at) === 0x2d && (at + 1 === this.end(i) || this.text.charCodeAt(at + 1) === 0x20);
  }

  /** The next line after `line` with content at `column`, past deeper ones: undefined at a line less deep, or the end. */
  nextAtColumn(line: number, column: number): { line: number; at: number } | undefined {
    for (let next = this.nextContent(line + 1); next < this.count; next = this.nextContent(next + 1)) {
      const at = this.contentStart(next);
      const found = this.column(at, next);
      if (found < column) return undefined;
      if (found === column) return { line: next, at };
    }
    return undefined;
  }

  /** The next line from `from` on with content, or the count of lines. */
  nextContent(from: number): number {
    let i = from;
    while (i < this.count && this.isBlank(i)) i++;
    return i;
  }
}

/**
 * The offset of `path` (its key, with `key`) in `text`, exactly as offsetOfPath gives it in the
 * precise reader's node tree; undefined where the lines alone cannot say. `text` must be one the
 * fast reader took.
 */
export function plainOffsetOfPath(text: string, starts: readonly number[], path: readonly Segment[], key = false): number | undefined {
  const lines = new Lines(text, starts);
  const first = lines.nextContent(text.startsWith('---\n') ? 1 : 0);
  if (first >= lines.count) return undefined;
  let node = nodeAt(lines, first, lines.contentStart(first));
  if (node.kind === 'unknown') return undefined;
  let offset = node.start;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (node.kind === 'map') {
      const pair = findKey(lines, node, String(segment));
      if (pair === undefined) return undefined;
      if (pair === 'absent') return offset;
      if (key && i === path.length - 1) return pair.keyStart;
      node = nodeAfter(lines, pair.line, pair.afterColon, node.column, true);
    } else if (node.kind === 'seq' && typeof segment === 'number') {
      const item = itemAt(lines, node, segment);
      if (item === 'absent') return offset;
      node = item;
    } else if (node.kind === 'flow') {
      return undefined;
    } else {
      return offset;
    }
    if (node.kind === 'unknown') return undefined;
    offset = node.start;
  }
  return offset;
}

/** What starts at `at` on line `line`. */
function nodeAt(lines: Lines, line: number, at: number): LineNode {
  const { text } = lines;
  const c = text.charCodeAt(at);
  if (lines.isItem(line, at)) return { kind: 'seq', start: at, column: lines.column(at, line), line };
  if (c === 0x5b || c === 0x7b) return { kind: 'flow', start: at };
  if (c === 0x7c || c === 0x3e) return { kind: 'scalar', start: at };
  const key = keyAt(lines, line, at);
  if (key === undefined) return UNKNOWN;
  if (key !== 'none') return { kind: 'map', start: at, column: lines.column(at, line), line };
  return { kind: 'scalar', start: at };
}

/** A key at `at`: its string (null when it may read as something else), and where its `:` ends; 'none' when no key starts there. */
function keyAt(lines: Lines, line: number, at: number): { name: string | null; afterColon: number } | 'none' | undefined {
  const { text } = lines;
  const end = lines.end(line);
  const c = text.charCodeAt(at);
  let name: string | null;
  let after: number;
  if (c === 0x22 || c === 0x27) {
    // A quoted key, or a quoted scalar: where its quote closes on this line, then a `:` or not.
    let i = at + 1;
    let value = '';
    for (;;) {
      if (i >= end) return undefined; // over several lines: a scalar, but not one read here
      const d = text.charCodeAt(i);
      if (c === 0x22 && d === 0x5c) return undefined;
      if (d === c) {
        if (c === 0x27 && text.charCodeAt(i + 1) === 0x27) {
          value += "'";
          i += 2;
          continue;
        }
        break;
      }
      value += text[i];
      i++;
    }
    after = i + 1;
    while (after < end && text.charCodeAt(after) === 0x20) after++;
    if (text.charCodeAt(after) !== 0x3a) return 'none';
    // `"a":b`: a key, or not, by rules not read here.
    if (after + 1 < end && text.charCodeAt(after + 1) !== 0x20) return undefined;
    name = value;
  } else {
    // A plain key ends at the first `:` followed by a space or the line's end, before any comment.
    let i = at;
    for (; i < end; i++) {
      const d = text.charCodeAt(i);
      if (d === 0x3a && (i + 1 === end || text.charCodeAt(i + 1) === 0x20)) break;
      if (d === 0x23 && text.charCodeAt(i - 1) === 0x20) return 'none';
    }
    if (i >= end) return 'none';
    after = i;
    const spelt = text.slice(at, i).replace(/ +$/, '');
    name = STRING_KEY.test(spelt) && !NOT_STRINGS.has(spelt) ? spelt : null;
  }
  return { name, afterColon: after + 1 };
}

/** The pair of a block mapping whose key is `name`: 'absent' when it has none; undefined when a key cannot be read. */
function findKey(
  lines: Lines,
  map: { column: number; line: number; start: number },
  name: string,
): { line: number; keyStart: number; afterColon: number } | 'absent' | undefined {
  for (let line = map.line, at = map.start; ;) {
    const key = keyAt(lines, line, at);
    if (key === undefined || key === 'none' || key.name === null) return undefined;
    if (key.name === name) return { line, keyStart: at, afterColon: key.afterColon };
    // The next key at the mapping's column: deeper lines are values, and so are items at its column (a sequence).
    let next = lines.nextAtColumn(line, map.column);
    while (next && lines.isItem(next.line, next.at)) next = lines.nextAtColumn(next.line, map.column);
    if (!next) return 'absent';
    ({ line, at } = next);
  }
}

/**
 * The node after an indicator (a key's `:`, an item's `-`) that ends at `after` on `line`, of a
 * collection at `column`: on the same line, or on the next line with content, deeper; for a key
 * (`keyed`), also a sequence at the key's own column. Unknown for an empty node.
 */
function nodeAfter(lines: Lines, line: number, after: number, column: number, keyed: boolean): LineNode {
  let at = after;
  const end = lines.end(line);
  while (at < end && lines.text.charCodeAt(at) === 0x20) at++;
  if (at < end && lines.text.charCodeAt(at) !== 0x23) return nodeAt(lines, line, at);
  const next = lines.nextContent(line + 1);
  if (next >= lines.count) return UNKNOWN;
  const start = lines.contentStart(next);
  const nextColumn = lines.column(start, next);
  if (nextColumn > column) return nodeAt(lines, next, start);
  if (keyed && nextColumn === column && lines.isItem(next, start)) return nodeAt(lines, next, start);
  return UNKNOWN;
}

/** Item `index` of a block sequence: 'absent' when it has fewer. */
function itemAt(lines: Lines, seq: { column: number; line: number; start: number }, index: number): LineNode | 'absent' {
  let line = seq.line;
  let dash = seq.start;
  for (let i = 0; i < index; i++) {
    const next = lines.nextAtColumn(line, seq.column);
    // At the sequence's column, anything but an item ends it (the next key of a mapping it is the value of).
    if (!next || !lines.isItem(next.line, next.at)) return 'absent';
    ({ line, at: dash } = next);
  }
  return nodeAfter(lines, line, dash + 1, seq.column, false);
}
