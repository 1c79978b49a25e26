// Whether a YAML text keeps to the constructs that fast-parse.ts reads exactly as the precise
// reader (parse-yaml.ts) does. One pass over the characters, no parsing: what it cannot vouch for
// goes to the precise reader, which reads any file. Sent there: anchors, aliases and tags; merge
// keys; directives and document markers (but a first `---` line); explicit keys and values (`?`,
// a `:` that starts a node); collections used as keys; flow collections over several lines or
// nested deeper than aiclaim files nest them; quoted scalars over several lines in a flow
// collection, or with a line not indented past the key or item they are the value of; block scalars
// with an indentation indicator, kept line breaks or more-indented leading blank lines; tabs,
// lone carriage returns, control characters, byte-order marks, line separators and unpaired
// surrogates; keys that may end past column 1,000 (the precise reader's limit is 1,024); comments
// that touch a quoted scalar or a collection. Its mistakes are only ever to send a plain file to
// the precise reader: text in quotes, comments and block scalars is looked at as if it were YAML.

const MAX_FLOW_DEPTH = 4;
const MAX_KEY_COLUMN = 1_000;

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;
const OPEN_SEQ = 0x5b;
const OPEN_MAP = 0x7b;

/** A character after which a node may start: the start of the text too (-1). */
function beforeNode(c: number): boolean {
  return c === -1 || c === SPACE || c === LF || c === CR || c === OPEN_SEQ || c === OPEN_MAP || c === 0x2c || c === 0x3a;
}

const FLOW_INDICATORS = new Set([0x2c, OPEN_SEQ, 0x5d, OPEN_MAP, 0x7d]);

/** A character a plain scalar may hold before a `:` that does not end it (`https://`). */
function inPlainScalar(c: number): boolean {
  return c !== -1 && c !== SPACE && c !== DQUOTE && c !== SQUOTE && !FLOW_INDICATORS.has(c);
}

/** The column of a line's node once its sequence indicators (`- - `) are passed. */
function nodeColumn(text: string, lineStart: number): number {
  let i = lineStart;
  for (;;) {
    while (text.charCodeAt(i) === SPACE) i++;
    if (text.charCodeAt(i) !== 0x2d || text.charCodeAt(i + 1) !== SPACE) return i - lineStart;
    i++;
  }
}

/** A character that ends an indicator: space, line break or the end of the text (NaN). */
function afterIndicator(c: number): boolean {
  return c === SPACE || c === LF || c === CR || Number.isNaN(c);
}

function printable(c: number): boolean {
  if (c < 0x7f) return c >= SPACE;
  if (c <= 0x9f) return false;
  return c !== 0x2028 && c !== 0x2029 && c !== 0xfeff && c !== 0xfffe && c !== 0xffff;
}

/** `|`, `|-`, `>` or `>-`, then nothing but spaces and a comment: the headers read alike by both. */
function plainBlockHeader(text: string, at: number): boolean {
  let i = at + 1;
  if (text.charCodeAt(i) === 0x2d) i++;
  const next = text.charCodeAt(i);
  if (next === SPACE) return true; // a comment after spaces, or trailing spaces
  return next === LF || (next === CR && text.charCodeAt(i + 1) === LF) || Number.isNaN(next);
}

/**
 * Runs of characters the scan has nothing to do with, by where it is: spaces anywhere, and once a
 * line has content (then `-`, `.` and `%` cannot start it) printable ASCII without the characters
 * the scan acts on there. Each run leaves the scan as the same characters one at a time would
 * (`prev` is then the run's last character); anything else, and all non-ASCII, takes the loop one
 * character at a time.
 */
const PLAIN_RUN = /[^\x00-\x1f\x7f-\uffff"'&*!@`?:#<|>[\]{}]+/y;
const SPACES = / +/y;
const COMMENT_RUN = /[\x20-\x7e]+/y;
const DOUBLE_QUOTED_RUN = /[^\x00-\x1f\x7f-\uffff"\\]+/y;
const SINGLE_QUOTED_RUN = /[^\x00-\x1f\x7f-\uffff']+/y;

/** Where the run of `pattern` starting at `at` ends (`at` itself when there is none). */
function runEnd(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : at;
}

/** `oneAtATime`: every character taken by the loop, no run skipped (what the runs are tested against). */
export function isPlainYaml(text: string, oneAtATime = false): boolean {
  const n = text.length;
  let i = text.startsWith('---\n') ? 4 : 0;
  let lineStart = i;
  let prev = -1;
  /** The kinds of the flow collections open: `[` or `{`, innermost last. */
  const flow: number[] = [];
  let quote = 0;
  /** A quoted scalar's next lines must be indented past this column (the precise reader's rule, or stricter). */
  let quoteIndent = 0;
  let comment = false;
  /** After a block scalar header, until its first line with content: the widest blank line. */
  let blankIndent = -1;
  let lineBlank = true;
  for (; i < n; prev = text.charCodeAt(i), i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(i + 1) !== LF) return false;
      if (c === LF) {
        if (flow.length > 0) return false;
        if (blankIndent >= 0 && lineBlank) blankIndent = Math.max(blankIndent, i - lineStart);
        lineStart = i + 1;
        lineBlank = true;
        comment = false;
      }
      continue;
    }
    // One character at a time is over 10 ns a character over a 76 MB snapshot: runs are skipped.
    if (!oneAtATime && (c === SPACE || !lineBlank)) {
      const end = runEnd(
        lineBlank ? SPACES : comment ? COMMENT_RUN : quote === DQUOTE ? DOUBLE_QUOTED_RUN : quote === SQUOTE ? SINGLE_QUOTED_RUN : PLAIN_RUN,
        text,
        i,
      );
      if (end > i) {
        i = end - 1; // the loop's step then makes the run's last character prev
        continue;
      }
    }
    if (!printable(c)) return false;
    if (c >= 0xd800 && c <= 0xdfff) {
      // A high surrogate and its low one are taken together; any other is unpaired.
      const low = text.charCodeAt(i + 1);
      if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return false;
      i++;
      continue;
    }
    if (comment) continue;
    if (c !== SPACE && lineBlank) {
      lineBlank = false;
      if (quote !== 0 && i - lineStart <= quoteIndent) return false;
      if (blankIndent >= 0) {
        if (blankIndent > i - lineStart) return false;
        blankIndent = -1;
      }
    }
    if (quote === DQUOTE) {
      if (c === BACKSLASH) {
        const escaped = text.charCodeAt(i + 1);
        // \U escapes reach past Unicode; an escaped line break folds a scalar over lines.
        if (escaped === 0x55 || !printable(escaped) || Number.isNaN(escaped)) return false;
        i++;
      } else if (c === DQUOTE) quote = 0;
      continue;
    }
    if (quote === SQUOTE) {
      if (c === SQUOTE) {
        if (text.charCodeAt(i + 1) === SQUOTE) i++;
        else quote = 0;
      }
      continue;
    }
    switch (c) {
      case DQUOTE:
      case SQUOTE:
        if (beforeNode(prev)) {
          quote = c;
          quoteIndent = nodeColumn(text, lineStart);
        }
        break;
      case 0x26: // & anchor
      case 0x2a: // * alias
      case 0x21: // ! tag
      case 0x40: // @ reserved
      case 0x60: // ` reserved
        if (beforeNode(prev)) return false;
        break;
      case 0x3f: // ? explicit key
        if ((beforeNode(prev) || prev === 0x2d) && afterIndicator(text.charCodeAt(i + 1))) return false;
        break;
      case 0x3a: {
        const next = text.charCodeAt(i + 1);
        if (flow.length > 0) {
          // Adjacent values (`{"a":1}`, `{a:}`) and pairs in sequences (`[a: 1]`) are left to the precise reader.
          if (afterIndicator(next) ? flow[flow.length - 1] === OPEN_SEQ : !inPlainScalar(prev) || FLOW_INDICATORS.has(next)) return false;
        }
        if (!afterIndicator(next)) break;
        if (prev === -1 || prev === SPACE || prev === LF || prev === 0x5d || prev === 0x7d || i - lineStart > MAX_KEY_COLUMN) return false;
        break;
      }
      case 0x23: // # a comment must be apart from quotes and brackets
        if (prev === DQUOTE || prev === SQUOTE || prev === 0x5d || prev === 0x7d) return false;
        comment = prev === -1 || prev === SPACE || prev === LF;
        break;
      case 0x25: // % directive
        if (i === lineStart) return false;
        break;
      case 0x2d: // - or .: document markers
      case 0x2e:
        if (i === lineStart && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c && afterIndicator(text.charCodeAt(i + 3))) return false;
        break;
      case 0x3c: // << merge key
        if (text.charCodeAt(i + 1) === 0x3c) return false;
        break;
      case 0x7c: // | and > block scalars
      case 0x3e:
        if (beforeNode(prev) && flow.length === 0) {
          if (!plainBlockHeader(text, i)) return false;
          blankIndent = 0;
        }
        break;
      case OPEN_SEQ:
      case OPEN_MAP:
        if (beforeNode(prev)) {
          flow.push(c);
          if (flow.length > MAX_FLOW_DEPTH) return false;
        }
        break;
      case 0x5d:
      case 0x7d:
        flow.pop();
        break;
    }
  }
  return quote === 0 && flow.length === 0;
}
