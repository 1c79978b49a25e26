import { Buffer } from 'node:buffer';
import { parseDocument } from 'yaml';
import { findingsSchema, vendorFindingSchema, type Findings, type VendorFinding } from '../schema/findings.js';
import { checkKeys } from '../validate/check-keys.js';
import { fastParse } from '../yaml/fast-parse.js';
import { flowTooDeep, MAX_ALIASES } from '../yaml/parse-yaml.js';

// A snapshot of the whole martech landscape is some 60 MB of YAML. Parsed as one document, its
// node tree takes gigabytes of memory and the collector most of the time. Snapshots as aiclaim
// writes them hold a header, then `vendors:` with one block-sequence item per vendor at an indent
// of two, so each vendor can be parsed on its own and dropped. Whatever does not fit that layout,
// or fails to parse or validate, gets undefined: the whole-document reader then reads it, and
// locates its problems.

const VENDORS = '\nvendors:\n';
const ITEM = /^ {2}- /gm;

export interface SplitFindings {
  header: Record<string, unknown>;
  /** The YAML text of each vendor's item, in order. */
  items: string[];
}

export function splitFindings(text: string): SplitFindings | undefined {
  const at = text.indexOf(VENDORS);
  if (at === -1 || text.indexOf(VENDORS, at + 1) !== -1) return undefined;
  const header = parsed(text.slice(0, at + 1));
  if (!isRecord(header) || 'vendors' in header) return undefined;
  const body = text.slice(at + VENDORS.length);
  // Another top-level key after the vendors, or items at another indent: not the layout read here.
  if (/^[^\s#]/m.test(body) || !body.startsWith('  - ')) return undefined;
  const starts: number[] = [];
  for (const match of body.matchAll(ITEM)) starts.push(match.index);
  return { header, items: starts.map((start, i) => body.slice(start, starts[i + 1] ?? body.length)) };
}

/** splitFindings over the bytes of a snapshot: each item a byte range of `body`, decoded where it is read. */
export interface SplitFindingBytes {
  header: Record<string, unknown>;
  /** The bytes after `vendors:`. */
  body: Uint8Array;
  /** Where each vendor's item starts in `body`, in order; each ends where the next starts. */
  starts: number[];
}

const LINE_FEED = 0x0a;

/**
 * splitFindings without decoding the text first: the same header and the same items (decoded,
 * each is the text splitFindings gives), or undefined wherever splitFindings gives undefined. The
 * bytes of a file that is not UTF-8 may split here and not there: an item that does not decode is
 * not read (checkedFindingsBytes), and the file is then read whole, which says what is wrong.
 */
export function splitFindingBytes(bytes: Uint8Array): SplitFindingBytes | undefined {
  // Node's Buffer searches natively: a snapshot of the landscape has over a million lines.
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = all.indexOf(VENDORS);
  if (at === -1 || all.indexOf(VENDORS, at + 1) !== -1) return undefined;
  let headerText: string;
  try {
    headerText = new TextDecoder('utf-8', { fatal: true }).decode(all.subarray(0, at + 1));
  } catch {
    return undefined;
  }
  const header = parsed(headerText);
  if (!isRecord(header) || 'vendors' in header) return undefined;
  const body = all.subarray(at + VENDORS.length);
  if (!startsItem(body, 0)) return undefined;
  // As /^[^\s#]/m and /^ {2}- /gm see the text: a line starts after \n, and after \r, U+2028 and
  // U+2029, which aiclaim never writes and are looked for apart.
  const lineStarts: number[] = [];
  for (let i = body.indexOf(LINE_FEED); i !== -1; i = body.indexOf(LINE_FEED, i + 1)) lineStarts.push(i + 1);
  const rare: number[] = [];
  for (const [terminator, length] of RARE_TERMINATORS) {
    for (let i = body.indexOf(terminator); i !== -1; i = body.indexOf(terminator, i + 1)) rare.push(i + length);
  }
  if (rare.length > 0) {
    lineStarts.push(...rare);
    lineStarts.sort((a, b) => a - b);
  }
  const starts: number[] = [0];
  for (const next of lineStarts) {
    if (next >= body.length) continue;
    if (!spaceOrComment(body, next)) return undefined;
    if (startsItem(body, next)) starts.push(next);
  }
  return { header, body, starts };
}

/** The line terminators other than \n, each with its length in UTF-8. */
const RARE_TERMINATORS: readonly (readonly [string, number])[] = [
  ['\r', 1],
  ['\u2028', 3],
  ['\u2029', 3],
];

function startsItem(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0x20 && bytes[at + 1] === 0x20 && bytes[at + 2] === 0x2d && bytes[at + 3] === 0x20;
}

/** Whether the character at `at` is one /[\s#]/ matches: white space (Unicode's, as JavaScript has it) or `#`. */
function spaceOrComment(bytes: Uint8Array, at: number): boolean {
  const c = bytes[at]!;
  if (c < 0x80) return c === 0x20 || c === 0x23 || (c >= 0x09 && c <= 0x0d);
  const b1 = bytes[at + 1];
  const b2 = bytes[at + 2];
  if (c === 0xc2) return b1 === 0xa0; // U+00A0
  if (c === 0xe1) return b1 === 0x9a && b2 === 0x80; // U+1680
  // U+2000–200A, U+2028, U+2029, U+202F
  if (c === 0xe2 && b1 === 0x80) return b2 !== undefined && ((b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf);
  if (c === 0xe2 && b1 === 0x81) return b2 === 0x9f; // U+205F
  if (c === 0xe3) return b1 === 0x80 && b2 === 0x80; // U+3000
  if (c === 0xef) return b1 === 0xbb && b2 === 0xbf; // U+FEFF
  return false;
}

/**
 * The vendor of one item of a SplitFindingBytes, as checkedFindingsItem reads its text; undefined
 * too when the bytes are not UTF-8.
 */
export function checkedFindingsBytes(bytes: Uint8Array, decoder = new TextDecoder('utf-8', { fatal: true })): VendorFinding | undefined {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return undefined;
  }
  return checkedFindingsItem(text);
}

/** The vendor of one item, or undefined if the item is not exactly one clean YAML value. */
function parseFindingsItem(text: string): unknown {
  const item = parsed(text);
  return Array.isArray(item) && item.length === 1 ? item[0] : undefined;
}

/**
 * The vendor of one item, parsed and checked as the snapshot's schema checks each of its vendors
 * (where a worker reads it, so that the check is shared out too); undefined if either fails.
 */
function checkedFindingsItem(text: string): VendorFinding | undefined {
  const vendor = parseFindingsItem(text);
  // Reserved or overlong keys: the whole-document reader says where.
  if (vendor === undefined || checkKeys(vendor).length > 0) return undefined;
  const checked = vendorFindingSchema.safeParse(vendor);
  return checked.success ? checked.data : undefined;
}

/**
 * The snapshot from its header and its vendors, each checked by checkedFindingsItem: the header is
 * checked here, so that the whole is checked as findingsSchema checks it (its vendors are an array
 * of vendorFindingSchema, nothing more), and reads the same.
 */
export function findingsOf(header: Record<string, unknown>, vendors: readonly (VendorFinding | undefined)[]): Findings | undefined {
  if (vendors.some((v) => v === undefined) || checkKeys(header).length > 0) return undefined;
  const checked = findingsSchema.safeParse({ ...header, vendors: [] });
  return checked.success ? { ...checked.data, vendors: vendors as VendorFinding[] } : undefined;
}

export function findingsByVendor(text: string): Findings | undefined {
  const split = splitFindings(text);
  return split && findingsOf(split.header, split.items.map(checkedFindingsItem));
}

/**
 * The fast reader's data where it takes the text; else the precise reader's, stricter than
 * parse-yaml.ts (no warnings), on a text not nested too deeply for it (the whole-document reader
 * says where). Nesting is looked for part by part: the lexer over a whole snapshot takes seconds.
 */
function parsed(text: string): unknown {
  const fast = fastParse(text);
  if (fast !== undefined) return fast;
  if (flowTooDeep(text) !== undefined) return undefined;
  try {
    const doc = parseDocument(text, { strict: true, stringKeys: false, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0 || doc.warnings.length > 0 || doc.contents === null) return undefined;
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
