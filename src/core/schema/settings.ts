import * as z from 'zod';
import { schemaKey, SCHEMA_IDS, text } from './common.js';
import { MAX_PATH_LENGTH } from './limits.js';
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
});

export type Settings = z.output<typeof settingsSchema>;
