import * as z from 'zod';
import { isCalendarDate, PERIOD_PATTERN } from '../period.js';

/** Vendor and question ids: safe as file names, so a vendor id can never escape the workspace. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const slug = z
  .string()
  .regex(SLUG_PATTERN, { error: 'must be a slug: lower-case letters, digits and dashes, starting with a letter or digit, at most 64 characters' });

export const period = z.string().regex(PERIOD_PATTERN, { error: 'must be a quarter written YYYY-Qn, e.g. 2026-Q4' });

export const calendarDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isCalendarDate, { error: 'must be a real date written YYYY-MM-DD, e.g. 2026-10-14' });

export const nonEmptyText = z.string().trim().min(1, { error: 'must not be empty' });

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
} as const;

export type FileKind = keyof typeof SCHEMA_IDS;

/** Whole-object rules run only on objects whose own keys are sound: one mistake, one message. */
export function whenSound(payload: { issues: readonly unknown[] }): boolean {
  return payload.issues.length === 0;
}
