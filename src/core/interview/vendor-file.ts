import { stringify } from 'yaml';
import type { Vendor } from '../schema/vendor.js';
import { syncYaml, type KeyOrder } from '../yaml/sync-document.js';

// The text of a vendor file after an interview: a new file in a tidy order, or the user's own
// file with only the changed values rewritten, its comments and key order kept.

/** Every top-level key of a vendor file, in the order a new file is written: what is not here is lost. */
export const TOP_LEVEL = [
  'schema',
  'id',
  'name',
  'questionnaire',
  'product',
  'category',
  'categoryLabel',
  'website',
  'owner',
  'spend',
  'renewal',
  'usage',
  'interview',
  'claims',
  'evaluations',
  'roadmap',
  'answers',
];
const ANSWER_KEYS = ['value', 'declined', 'notApplicable', 'evidence', 'date', 'by', 'note'];
const COMMITMENT_KEYS = ['id', 'title', 'promised', 'due', 'status', 'deliveredIn', 'revisedDue', 'evidence', 'note'];

export function vendorFileText(original: string | undefined, vendor: Vendor, questionOrder: readonly string[], schemaHint: string): string {
  const data = orderedVendor(vendor, questionOrder);
  if (original === undefined) return `${schemaHint}\n${stringify(data, { lineWidth: 0, minContentWidth: 0 })}`;
  return syncYaml(original, data, keyOrder(questionOrder));
}

function orderedVendor(vendor: Vendor, questionOrder: readonly string[]): Record<string, unknown> {
  const answers = sortKeys(vendor.answers, questionOrder);
  const ordered: Record<string, unknown> = {};
  for (const key of TOP_LEVEL) {
    const value = key === 'answers' ? mapValues(answers, (a) => sortKeys(a as Record<string, unknown>, ANSWER_KEYS)) : (vendor as Record<string, unknown>)[key];
    if (value !== undefined) ordered[key] = key === 'roadmap' ? (value as Record<string, unknown>[]).map((c) => sortKeys(c, COMMITMENT_KEYS)) : value;
  }
  return ordered;
}

function keyOrder(questionOrder: readonly string[]): KeyOrder {
  return (path, key, existing) => {
    const order =
      path.length === 0
        ? TOP_LEVEL
        : path.length === 1 && path[0] === 'answers'
          ? questionOrder
          : path.length === 2 && path[0] === 'answers'
            ? ANSWER_KEYS
            : path[0] === 'roadmap'
              ? COMMITMENT_KEYS
              : undefined;
    if (!order) return existing.length;
    const rank = (k: string) => {
      const i = order.indexOf(k);
      return i === -1 ? Infinity : i;
    };
    // After the last key that comes before it in the canonical order.
    let at = 0;
    existing.forEach((k, i) => {
      if (rank(k) < rank(key)) at = i + 1;
    });
    return at;
  };
}

function sortKeys(record: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  };
  return Object.fromEntries(
    Object.entries(record)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => rank(a) - rank(b)),
  );
}

function mapValues(record: Record<string, unknown>, f: (v: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}
