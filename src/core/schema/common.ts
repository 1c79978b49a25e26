import * as z from 'zod';
import { isCalendarDate, PERIOD_PATTERN } from '../period.js';
import { isReservedName, MAX_ID_LENGTH, RESERVED_NAMES } from './limits.js';

const SLUG_SHAPE = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** The reserved names a slug could spell ("constructor", "prototype"): no id may be one. */
const RESERVED_SLUGS = [...RESERVED_NAMES].filter((name) => SLUG_SHAPE.test(name)).sort();

/**
 * Vendor and question ids: safe as file names, so a vendor id can never escape the workspace, and
 * never a name a plain object already answers to, so a lookup by id cannot reach Object.prototype.
 */
export const SLUG_PATTERN = new RegExp(`^(?!(?:${RESERVED_SLUGS.join('|')})$)[a-z0-9][a-z0-9-]{0,${MAX_ID_LENGTH - 1}}$`);

const SLUG_MESSAGE = `must be a slug: lower-case letters, digits and dashes, starting with a letter or digit, at most ${MAX_ID_LENGTH} characters`;

export const slug = z.string().regex(SLUG_PATTERN, {
  error: (issue) => (isReservedName(issue.input) ? `"${String(issue.input)}" is a reserved name and cannot be an id` : SLUG_MESSAGE),
});

export const period = z.string().regex(PERIOD_PATTERN, { error: 'must be a quarter written YYYY-Qn, e.g. 2026-Q4' });

export const calendarDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isCalendarDate, { error: 'must be a real date written YYYY-MM-DD, e.g. 2026-10-14' });

/** Text of at most `max` characters (see limits.ts); the message says the limit and what to do. */
export function text(max: number) {
  return z.string().max(max);
}

/** Text that must say something, of at most `max` characters. */
export function requiredText(max: number) {
  return z.string().trim().min(1, { error: 'must not be empty' }).max(max);
}

/** Every file names its kind and version, so old files can be migrated rather than misread. */
export function schemaKey<T extends string>(value: T) {
  return z.literal(value, { error: `must be "${value}"` });
}

export const SCHEMA_IDS = {
  questionnaire: 'aiclaim/questionnaire@1',
  vendor: 'aiclaim/vendor@1',
  findings: 'aiclaim/findings@1',
  settings: 'aiclaim/settings@1',
  draft: 'aiclaim/draft@1',
  crosswalk: 'aiclaim/crosswalk@1',
  finance: 'aiclaim/finance@1',
} as const;

export type FileKind = keyof typeof SCHEMA_IDS;

/** Whole-object rules run only on objects whose own keys are sound: one mistake, one message. */
export function whenSound(payload: { issues: readonly unknown[] }): boolean {
  return payload.issues.length === 0;
}
