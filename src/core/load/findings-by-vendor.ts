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

/** The vendor of one item, or undefined if the item is not exactly one clean YAML value. */
function parseFindingsItem(text: string): unknown {
  const item = parsed(text);
  return Array.isArray(item) && item.length === 1 ? item[0] : undefined;
}

/**
 * The vendor of one item, parsed and checked as the snapshot's schema checks each of its vendors
 * (where a worker reads it, so that the check is shared out too); undefined if either fails.
 */
export function checkedFindingsItem(text: string): VendorFinding | undefined {
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
