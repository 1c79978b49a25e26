import * as z from 'zod';
import { MARTECH_CATEGORY_IDS } from '../martech-categories.js';
import { requiredText, schemaKey, SCHEMA_IDS, text } from './common.js';
import { MAX_NAME_LENGTH, MAX_PATH_LENGTH } from './limits.js';
import { workspaceFolder } from './workspace-folder.js';

/** aiclaim.yaml: optional workspace settings. Every key has a default. */
export const settingsSchema = z.strictObject({
  schema: schemaKey(SCHEMA_IDS.settings),
  /** A questionnaire id, or the path of a questionnaire file. */
  questionnaire: text(MAX_PATH_LENGTH).default('ai-claims'),
  folders: z
    .strictObject({
      vendors: workspaceFolder.default('vendors'),
      findings: workspaceFolder.default('findings'),
      drafts: workspaceFolder.default('.aiclaim/drafts'),
    })
    .prefault({}),
  thresholds: z
    .strictObject({
      failUnder: z.number().min(0).max(100).optional(),
      tolerance: z.number().min(0).max(100).optional(),
    })
    .prefault({}),
  currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
  /**
   * The team's category labels, as the stack spreadsheet writes them, mapped to martech categories
   * (`"Marketing Automation / Email": marketing-automation`). Applied first by `aiclaim import`.
   */
  categories: z
    .record(requiredText(MAX_NAME_LENGTH), z.enum(MARTECH_CATEGORY_IDS, { error: `must be one of the martech categories: ${MARTECH_CATEGORY_IDS.join(', ')}` }))
    .default({}),
});

export type Settings = z.output<typeof settingsSchema>;
