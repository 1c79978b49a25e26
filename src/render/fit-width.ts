import stringWidth from 'string-width';
import { shorten } from '../core/shorten.js';

// Terminal text laid out to a width, measured as the terminal shows it (string-width: wide
// characters and emoji take two columns, colour codes none). Lines are wrapped at spaces, never
// inside a word; a number stays with the word before it ("decisive 4 of 7", "= 50,000"), and so
// does a mark ("=", "—", "…"). A word wider than the whole line is cut with an ellipsis. Colour
// carries over a break: each line closes what it opened and the next reopens it, so that every
// line stands on its own.

/** The colour codes chalk writes (SGR); text from files is made safe before it gets here. */
const SGR = /\u001b\[[0-9;]*m/g;

/** Text cut to `columns` display columns with an ellipsis; its colour codes are kept. */
export function fitWidth(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text;
  let lead = '';
  let rest = '';
  for (const match of text.matchAll(SGR)) {
    if (text.slice(0, match.index).replace(SGR, '') === '') lead += match[0];
    else rest += match[0];
  }
  return `${lead}${fitPlain(text.replace(SGR, ''), columns)}${rest}`;
}

function fitPlain(text: string, columns: number): string {
  if (columns < 1) return '';
  let max = columns;
  let cut = shorten(text, max);
  // Each grapheme takes at most two columns: dropping half the excess never cuts too much.
  for (let over = stringWidth(cut) - columns; over > 0 && max > 1; over = stringWidth(cut) - columns) {
    max -= Math.max(1, Math.floor(over / 2));
    cut = shorten(text, Math.max(1, max));
  }
  return cut;
}

/**
 * One line as lines no wider than `columns`; the ones after the first start with `indent`.
 * A line that fits is returned as it is. With a `separator` (" · "), the line breaks there
 * first, and the separator is left out at the break.
 */
export function wrapToWidth(line: string, columns: number, indent = '', separator?: string): string[] {
  if (stringWidth(line) <= columns) return [line];
  const chunks = separator === undefined ? [line] : packParts(line.split(separator), separator, columns, indent);
  return carryColour(chunks.flatMap((chunk) => wrapWords(chunk, columns, indent)));
}

function packParts(parts: readonly string[], separator: string, columns: number, indent: string): string[] {
  const chunks: string[] = [];
  let current = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    if (stringWidth(current + separator + part) <= columns) current += separator + part;
    else {
      chunks.push(current);
      current = indent + part;
    }
  }
  chunks.push(current);
  return chunks;
}

interface Row {
  indent: string;
  body: string;
}

/** A word with the spaces before it; `parts` are the words glued into it (a number and its label). */
interface Token {
  gap: string;
  text: string;
  parts: Token[];
}

const visible = (text: string) => text.replace(SGR, '');
const NUMBER = /^[([+−-]?\d/;
const ENDS_IN_DIGIT = /\d\)?$/;
/** No letter and no digit: "=", "—", "…": kept at the end of the line, never at its start. */
const MARK = /^[^\p{L}\p{N}]+$/u;

function tokens(text: string): { lead: string; tokens: Token[] } {
  const lead = /^(?:\u001b\[[0-9;]*m| )*/.exec(text)![0];
  const pieces = text.slice(lead.length).split(/( +)/);
  const words: Token[] = [];
  let gap = '';
  for (let i = 0; i < pieces.length; i += 2) {
    gap += pieces[i - 1] ?? '';
    const piece = pieces[i]!;
    const last = words.at(-1);
    // Colour codes between spaces ("HIGH····" ends its colour after the padding) join the word
    // before, and the spaces either side make one gap: the same on screen.
    if (last && visible(piece) === '') last.text += piece;
    else {
      words.push({ gap, text: piece, parts: [] });
      gap = '';
    }
  }
  const glued: Token[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const previous = glued.at(-1);
    const next = words[i + 1];
    const joinsNumber = NUMBER.test(visible(word.text)) || MARK.test(visible(word.text));
    // "68.8 of 100": "of" between two numbers holds them together.
    const joinsOf = visible(word.text) === 'of' && next !== undefined && NUMBER.test(visible(next.text)) && ENDS_IN_DIGIT.test(visible(previous?.text ?? ''));
    if (previous && (joinsNumber || joinsOf)) {
      if (previous.parts.length === 0) previous.parts.push({ ...previous, parts: [] });
      previous.parts.push(word);
      previous.text += word.gap + word.text;
    } else glued.push({ ...word, parts: [] });
  }
  return { lead, tokens: glued };
}

function wrapWords(text: string, columns: number, indent: string): Row[] {
  const { lead, tokens: queue } = tokens(text);
  const rows: Row[] = [];
  let row: Row = { indent: lead, body: '' };
  while (queue.length) {
    const token = queue.shift()!;
    const width = stringWidth(token.text);
    if (width === 0) {
      row.body += token.text; // colour codes alone, or the spaces at the end
      continue;
    }
    if (row.body === '') {
      const room = columns - stringWidth(row.indent);
      if (width <= room) row.body = token.text;
      else if (token.parts.length) queue.unshift(...token.parts.map((part, i) => ({ ...part, gap: i === 0 ? '' : part.gap })));
      else if (/^ *$/.test(row.indent)) {
        // A word that fits only with less indent keeps whole; one wider than the line takes all of it.
        row.indent = row.indent.slice(0, Math.max(0, columns - width));
        row.body = fitWidth(token.text, Math.max(1, columns - row.indent.length));
      } else row.body = fitWidth(token.text, Math.max(1, room));
      continue;
    }
    if (stringWidth(row.indent + row.body + token.gap) + width <= columns) {
      row.body += token.gap + token.text;
      continue;
    }
    rows.push(row);
    row = { indent, body: '' };
    queue.unshift(token);
  }
  rows.push(row);
  return rows;
}

/** The code that ends what `code` starts, by its first parameter; undefined for one that ends. */
function closerOf(code: number): number | undefined {
  if (code === 1 || code === 2) return 22;
  if (code >= 3 && code <= 9 && code !== 6) return 20 + code;
  if ((code >= 30 && code <= 38) || (code >= 90 && code <= 97)) return 39;
  if ((code >= 40 && code <= 48) || (code >= 100 && code <= 107)) return 49;
  return undefined;
}

function carryColour(rows: readonly Row[]): string[] {
  let open: string[] = [];
  return rows.map((row, i) => {
    const reopened = open.join('');
    for (const [code] of `${row.indent}${row.body}`.matchAll(SGR)) {
      const first = Number(code.slice(2, -1).split(';')[0] || 0);
      const closer = closerOf(first);
      if (first === 0) open = [];
      else if (closer !== undefined) open.push(code);
      else open = open.filter((o) => closerOf(Number(o.slice(2, -1).split(';')[0])) !== first);
    }
    const closed =
      i < rows.length - 1
        ? [...new Set(open.map((o) => closerOf(Number(o.slice(2, -1).split(';')[0]))))]
            .reverse()
            .map((c) => `\u001b[${c}m`)
            .join('')
        : '';
    return `${row.indent}${reopened}${row.body}${closed}`;
  });
}

/** A line of a boxed table: already fitted (fit-table.ts), never wrapped again. */
const TABLE_LINE = /^[┌│├└]/;
/** "  Delivered  Campaignly BV · …": a label column, the text after it aligned under itself. */
const LABELLED = /^( +\S+(?: \S+)? {2,})\S/;

/**
 * Terminal text laid out to `columns`: each line of prose wrapped at words (wrapToWidth), the
 * lines after the first indented as its kind wants — a paragraph not at all, an indented item
 * two more, a labelled item under its text. Table lines are left as they are. Lines that fit are
 * unchanged, so a wide terminal gets the text byte for byte.
 */
export function layOutText(text: string, columns: number): string {
  return text
    .split('\n')
    .flatMap((line) => (TABLE_LINE.test(visible(line)) ? [line] : wrapToWidth(line, columns, hangingIndent(visible(line)))))
    .join('\n');
}

function hangingIndent(line: string): string {
  const lead = /^ */.exec(line)![0].length;
  if (lead === 0) return '';
  const label = LABELLED.exec(line);
  return ' '.repeat(label ? label[1]!.length : lead + 2);
}
