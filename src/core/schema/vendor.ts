import * as z from 'zod';
import { MARTECH_CATEGORY_IDS } from '../martech-categories.js';
import { calendarDate, nonEmptyText, period, schemaKey, SCHEMA_IDS, slug, whenSound } from './common.js';

// One living answer file per vendor. Answer values are checked against the questionnaire
// afterwards (check-vendor-answers.ts): this schema only knows their outer shape.

const evidenceRecord = z.strictObject({
  ref: nonEmptyText,
  date: calendarDate.optional(),
  expires: calendarDate.optional(),
  note: z.string().optional(),
});

/** A URL or document reference, or a record with the date the evidence was produced. */
export const evidenceSchema = z.union([nonEmptyText, evidenceRecord]);

const answerValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number(), z.boolean(), z.record(z.string(), z.unknown())])),
]);

export const answerSchema = z
  .strictObject({
    value: answerValue.optional(),
    notApplicable: z
      .string({ error: 'notApplicable takes the justification, e.g. notApplicable: "We sell no generated content"' })
      .trim()
      .min(10, { error: 'notApplicable needs a justification of at least a few words' })
      .optional(),
    evidence: evidenceSchema.optional(),
    note: z.string().optional(),
    date: calendarDate.optional(),
  })
  .refine((a) => (a.value === undefined) !== (a.notApplicable === undefined), {
    error: 'an answer has either a value or notApplicable (with its justification), not both and not neither',
    when: whenSound,
  });

export const ROADMAP_STATUSES = ['planned', 'delivered', 'slipped', 'dropped'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

/** What a roadmap commitment is, wherever it is recorded (vendor files and findings). */
export const commitmentFields = {
  id: slug,
  title: nonEmptyText,
  promised: period.optional(),
  due: period,
  status: z.enum(ROADMAP_STATUSES),
  deliveredIn: period.optional(),
  revisedDue: period.optional(),
};

export const commitmentSchema = z
  .strictObject({
    ...commitmentFields,
    evidence: evidenceSchema.optional(),
    note: z.string().optional(),
  })
  .refine((c) => c.status !== 'delivered' || c.deliveredIn !== undefined, {
    error: 'a delivered commitment needs deliveredIn: the quarter it shipped',
    path: ['deliveredIn'],
    when: whenSound,
  })
  .refine((c) => c.status !== 'slipped' || c.revisedDue !== undefined, {
    error: 'a slipped commitment needs revisedDue: the quarter now promised',
    path: ['revisedDue'],
    when: whenSound,
  });

export const claimSchema = z.strictObject({
  text: nonEmptyText,
  source: nonEmptyText.optional(),
  date: calendarDate.optional(),
  feature: z.string().optional(),
});

const person = z.strictObject({
  name: nonEmptyText,
  role: z.string().optional(),
  email: z.string().optional(),
});

export const vendorSchema = z.strictObject({
  schema: schemaKey(SCHEMA_IDS.vendor),
  id: slug,
  name: nonEmptyText,
  /** The questionnaire the answers follow, when it is not the workspace's. */
  questionnaire: slug.optional(),
  product: z.string().optional(),
  category: z.enum(MARTECH_CATEGORY_IDS, { error: `must be one of the martech categories: ${MARTECH_CATEGORY_IDS.join(', ')}` }),
  website: z.string().optional(),
  owner: z.string().optional(),
  spend: z
    .strictObject({
      amount: z.number().min(0),
      currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 currency code such as EUR or USD' }),
    })
    .optional(),
  renewal: calendarDate.optional(),
  interview: z
    .strictObject({
      date: calendarDate,
      interviewer: nonEmptyText,
      respondents: z.array(person).min(1),
    })
    .optional(),
  claims: z.array(claimSchema).optional(),
  roadmap: z.array(commitmentSchema).optional(),
  answers: z.record(z.string(), answerSchema).default({}),
});

export type Vendor = z.output<typeof vendorSchema>;
export type Answer = z.output<typeof answerSchema>;
export type Evidence = z.output<typeof evidenceSchema>;
export type Commitment = z.output<typeof commitmentSchema>;
export type Claim = z.output<typeof claimSchema>;
export type AnswerValue = NonNullable<Answer['value']>;
