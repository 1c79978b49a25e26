import * as z from 'zod';
import { MARTECH_CATEGORY_IDS } from '../martech-categories.js';
import { requiredText, schemaKey, SCHEMA_IDS, text } from './common.js';
import { exchangeRatesSchema } from './exchange-rates.js';
import { MAX_NAME_LENGTH, MAX_PATH_LENGTH } from './limits.js';
import { workspaceFolder } from './workspace-folder.js';

/** aiclaim.yaml: optional workspace settings. Every key has a default. */
export const settingsSchema = z
  .strictObject({
    schema: schemaKey(SCHEMA_IDS.settings),
    /** A questionnaire id, or the path of a questionnaire file. */
    questionnaire: text(MAX_PATH_LENGTH).default('ai-claims'),
    folders: z
      .strictObject({
        vendors: workspaceFolder.default('vendors'),
        findings: workspaceFolder.default('findings'),
        /** A quarter's finance figures: finance/<YYYY-Qn>.yaml. */
        finance: workspaceFolder.default('finance'),
        drafts: workspaceFolder.default('.aiclaim/drafts'),
      })
      .prefault({}),
    thresholds: z
      .strictObject({
        failUnder: z.number().min(0).max(100).optional(),
        tolerance: z.number().min(0).max(100).optional(),
      })
      .prefault({}),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('EUR'),
    /**
     * The team's category labels, as the stack spreadsheet writes them, mapped to martech categories
     * (`"Marketing Automation / Email": marketing-automation`). Applied first by `aiclaim import`.
     */
    categories: z
      .record(
        requiredText(MAX_NAME_LENGTH),
        z.enum(MARTECH_CATEGORY_IDS, { error: `must be one of the martech categories: ${MARTECH_CATEGORY_IDS.join(', ')}` }),
      )
      .default({}),
    /**
     * Exchange rates for the report's totals: `{ base: EUR, asOf: 2026-11-20, rates: { USD: 0.92 } }`,
     * each rate what one unit of that currency is worth in the base (default: `currency`). Without
     * them, spend in several currencies is totalled per currency.
     */
    exchange: exchangeRatesSchema.optional(),
  })
  .superRefine((settings, context) => {
    // With no base named, the base is the workspace currency: a rate for it can only be 1.
    // (Defensive: a refinement may see a value whose other keys already failed.)
    const rates = settings.exchange;
    const own = rates?.base === undefined ? rates?.rates?.[settings.currency] : undefined;
    if (own !== undefined && own !== 1) {
      context.addIssue({
        code: 'custom',
        path: ['exchange', 'rates', settings.currency],
        message: `is the base currency (the workspace currency): its rate is 1, or leave it out`,
      });
    }
  });

export type Settings = z.output<typeof settingsSchema>;
