import { categoryLabel } from '../martech-categories.js';
import type { VendorFinding } from '../schema/findings.js';
import { flagRef, isFinding } from './flag-ref.js';

// The spreadsheet columns a vendor's findings fill, named and filled once: `score -f csv` and
// `export` both write them, so that a column of one means what it means in the other.

type Summary = Omit<VendorFinding, 'questions'>;

export interface VendorColumn {
  name: string;
  value: (finding: Summary) => string | number;
}

const column = (name: string, value: VendorColumn['value']): VendorColumn => ({ name, value });

const IDENTITY: readonly VendorColumn[] = [
  column('vendor_id', (f) => f.id),
  column('vendor', (f) => f.name),
  column('category', (f) => f.category),
  column('category_label', (f) => categoryLabel(f.category, f.categoryLabel)),
  column('score', (f) => f.score ?? ''),
  column('verdict', (f) => f.verdict),
];

const ASSURANCE: readonly VendorColumn[] = [column('completeness', (f) => f.completeness), column('confidence', (f) => f.confidence ?? '')];

/** Findings only: a flag waiting on missing answers is a question to ask, counted apart. */
const RED_FLAGS = column('red_flags', (f) => f.redFlags.filter(isFinding).map(flagRef).join(' '));

const STACK: readonly VendorColumn[] = [
  column('annual_spend', (f) => f.spend?.amount ?? ''),
  column('currency', (f) => f.spend?.currency ?? ''),
  column('renewal', (f) => f.renewal ?? ''),
];

const RISK = column('risk', (f) => f.risk?.rating ?? '');

/** The groups of shared columns, in the order both files write them; each file adds its own columns between. */
export const VENDOR_COLUMNS = { identity: IDENTITY, risk: RISK, assurance: ASSURANCE, redFlags: RED_FLAGS, stack: STACK };

/** The values of `columns` for one vendor. */
export function cellsOf(columns: readonly VendorColumn[], finding: Summary): (string | number)[] {
  return columns.map((c) => c.value(finding));
}

/** The names of `columns`. */
export const namesOf = (columns: readonly VendorColumn[]): string[] => columns.map((c) => c.name);
