import * as z from 'zod';
import { calendarDate, requiredText, schemaKey, SCHEMA_IDS, slug } from '../schema/common.js';
import { MAX_NAME_LENGTH } from '../schema/limits.js';
import { vendorSchema } from '../schema/vendor.js';

// An unfinished interview, saved after every answer so that nothing typed is ever lost.

export const draftSchema = z.strictObject({
  schema: schemaKey(SCHEMA_IDS.draft),
  questionnaire: slug,
  started: calendarDate,
  /** Whether the vendor file existed when the interview began. */
  existing: z.boolean(),
  mode: z.enum(['full', 'changed-only']),
  /** Questions answered or confirmed in this interview, so a resumed one goes on from there. */
  visited: z.array(slug),
  /** Sections confirmed unchanged in a re-interview. */
  unchanged: z.array(slug),
  /** Roadmap commitments already reviewed. */
  reviewed: z.array(slug),
  /** Roadmap commitments added in this interview: the only ones that may be removed. */
  added: z.array(slug).default([]),
  /** Who answers for the vendor now, when several do: recorded with each answer. */
  answering: requiredText(MAX_NAME_LENGTH).optional(),
  vendor: vendorSchema,
});

export type Draft = z.output<typeof draftSchema>;
