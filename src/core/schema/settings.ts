import * as z from 'zod';
import { schemaKey, SCHEMA_IDS } from './common.js';

/** aiclaim.yaml: optional workspace settings. Every key has a default. */
export const settingsSchema = z.strictObject({
  schema: schemaKey(SCHEMA_IDS.settings),
  questionnaire: z.string().default('ai-claims'),
  folders: z
    .strictObject({
      vendors: z.string().default('vendors'),
      findings: z.string().default('findings'),
      drafts: z.string().default('.aiclaim/drafts'),
    })
    .prefault({}),
  thresholds: z
    .strictObject({
      failUnder: z.number().min(0).max(100).optional(),
      tolerance: z.number().min(0).max(100).optional(),
    })
    .prefault({}),
  currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
});

export type Settings = z.output<typeof settingsSchema>;
