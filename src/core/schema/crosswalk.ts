import * as z from 'zod';
import { SCHEMA_IDS, schemaKey, slug } from './common.js';
import { MAX_VERSION_LENGTH } from './limits.js';
import { crosswalkEntry } from './questionnaire.js';

// A crosswalk between two editions in a file of its own, for when the newer edition is not the
// team's to edit (an external index): which edition it maps from and to, and question by question,
// old id → new id and whether the question still measures the same.

const edition = z.strictObject({
  questionnaire: slug,
  version: z
    .string()
    .max(MAX_VERSION_LENGTH)
    .regex(/^\d+\.\d+\.\d+$/, { error: 'must be a version written MAJOR.MINOR.PATCH' }),
});

export const crosswalkSchema = z.strictObject({
  schema: schemaKey(SCHEMA_IDS.crosswalk),
  from: edition,
  to: edition,
  questions: z.array(crosswalkEntry).min(1).max(5000),
});

export type Crosswalk = z.output<typeof crosswalkSchema>;
