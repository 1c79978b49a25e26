import * as z from 'zod';
import { crosswalkSchema } from './crosswalk.js';
import { financeSchema } from './finance.js';
import { findingsSchema } from './findings.js';
import { questionnaireSchema } from './questionnaire.js';
import { settingsSchema } from './settings.js';
import { vendorSchema } from './vendor.js';
import type { FileKind } from './common.js';
import { draftSchema } from '../interview/draft.js';

// JSON Schemas generated from the zod schemas, so that editors validate files as they are typed.

const TITLES: Record<FileKind, string> = {
  questionnaire: 'aiclaim questionnaire',
  vendor: 'aiclaim vendor answers',
  findings: 'aiclaim findings snapshot',
  settings: 'aiclaim workspace settings',
  draft: 'aiclaim interview draft',
  crosswalk: 'aiclaim crosswalk between two questionnaire editions',
  finance: 'aiclaim finance figures of a quarter: marketing budget, new customers, CAC, CLTV',
};

const SCHEMAS = {
  questionnaire: questionnaireSchema,
  vendor: vendorSchema,
  findings: findingsSchema,
  settings: settingsSchema,
  draft: draftSchema,
  crosswalk: crosswalkSchema,
  finance: financeSchema,
} as const;

export function jsonSchemas(): Record<FileKind, string> {
  const out = {} as Record<FileKind, string>;
  for (const kind of Object.keys(SCHEMAS) as FileKind[]) {
    // io: 'input' describes what a person may write (defaults make keys optional).
    const schema = z.toJSONSchema(SCHEMAS[kind], { io: 'input', unrepresentable: 'any' });
    out[kind] = `${JSON.stringify({ ...schema, title: TITLES[kind] }, null, 2)}\n`;
  }
  return out;
}
