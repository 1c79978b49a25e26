// Markdown building blocks, the one place where text from files is made safe for Markdown: a vendor
// file can hold any string (names, claims, titles, notes, URLs), and a Markdown renderer must show
// each one as text. No markup, raw HTML, link, image or autolink comes out of a file string, and no
// file string breaks out of a table cell or a code block: the only live constructs are aiclaim's own.

import { joinsEmoji } from './emoji-join.js';

/** Every line break a renderer (or an editor showing the source) may act on: CRLF, CR, LF, VT, FF, NEL, LS, PS. */
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
/**
 * C0 and C1 controls and DEL, once line breaks and tabs are spaces; and the bidi controls and
 * invisible characters that would make a name read backwards or hide text in a rendered page (the
 * same set the terminal shows: src/render/terminal-text.ts).
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;

function visibleControl(c: string, offset: number, whole: string): string {
  if (joinsEmoji(whole, offset)) return c;
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟ (ESC shows as ␛)
  if (code === 0x7f) return '\u2421'; // ␡
  return `‹U+${code.toString(16).toUpperCase().padStart(4, '0')}›`;
}

/**
 * Text on one line with no control character in it: line breaks and tabs become spaces, other
 * C0/C1 controls are shown as symbols (␛, ‹U+009B›), bidi and invisible characters as ‹U+202E›.
 * What a file string reads as in Markdown.
 */
export function mdVisible(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROLS, visibleControl);
}

/**
 * Inline text that cannot turn into markup, in a table cell or in free text, at the start of a line
 * or inside one. Backslash escapes (valid for every ASCII punctuation character in CommonMark):
 * - everywhere: \ ` * _ { } [ ] < > | ~ & # @ $ (emphasis, code, links, images, raw HTML and
 *   autolinks, cells, strikethrough, entities, headings, e-mail autolinks and mentions, math,
 *   attribute lists);
 * - where a renderer would see a link: the `:` of `://`, the `.` of `www.` and of anything shaped
 *   like a domain name (GFM autolink literals, linkify);
 * - at the start: list and definition markers (`- `, `+ `, `: `, `1. `, `1) `), a thematic break
 *   or setext underline (`---`, `===`), and the first of four spaces (an entity), which would make
 *   an indented code block of a line.
 * Line breaks become spaces, so a cell stays one cell and a list item one item.
 */
export function mdEscape(text: string): string {
  return (
    mdVisible(text)
      .replace(/[\\`*_{}[\]<>|~&#@$]/g, '\\$&')
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/(?<=www)\./gi, '\\.')
      .replace(/(?<=[\p{L}\p{N}])\.(?=\p{L})/gu, '\\.')
      .replace(/^( *)([-+:])(?=\s|$)/, '$1\\$2')
      .replace(/^( *)([-=])(?=[-= ]*$)/, '$1\\$2')
      .replace(/^( *\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
      .replace(/^ {4}/, '&#32;   ')
      // Nothing but spaces: with the text that follows, a line of four or more would be indented code.
      .replace(/^ (?= *$)/, '&#32;')
  );
}

/** The length of the longest run of backticks in the text. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return longest;
}

/**
 * A code span for an identifier or a path, safe in a table cell too: delimited by more backticks
 * than any run inside it. Text a code span cannot hold as it is (a `|`, which splits a table row
 * even inside code, or nothing but spaces) is escaped text instead.
 */
export function mdCode(text: string): string {
  const flat = mdVisible(text);
  if (flat.includes('|') || /^ *$/.test(flat)) return mdEscape(text);
  const ticks = '`'.repeat(longestBacktickRun(flat) + 1);
  // A code span strips one space from each end when both are spaces: pad so that what shows is the text.
  const pad = /^[ `]|[ `]$/.test(flat) ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/**
 * A fenced code block of the given lines, shown verbatim: the fence is longer than any run of
 * backticks inside, so no line can close it, and each line stays one line.
 */
export function mdFence(lines: readonly string[], info = ''): string {
  const body = lines.map(mdVisible);
  const fence = '`'.repeat(Math.max(3, 1 + body.reduce((longest, line) => Math.max(longest, longestBacktickRun(line)), 0)));
  return [`${fence}${mdVisible(info).replace(/`/g, '')}`, ...body, fence].join('\n');
}

/**
 * A table of cells that are Markdown already (file strings through mdEscape or mdCode). A line
 * break left in a cell would end the row, so any is made a space here too.
 */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('left' | 'right')[]): string {
  const rule = head.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [head, rule, ...rows].map((row) => `| ${row.map((cell) => cell.replace(LINE_BREAKS, ' ')).join(' | ')} |`).join('\n') + '\n';
}
