import * as z from 'zod';
import { MARTECH_CATEGORY_IDS } from '../martech-categories.js';
import { calendarDate, period, requiredText, schemaKey, SCHEMA_IDS, slug, text, whenSound } from './common.js';
import { MAX_AMOUNT, MAX_LONG_TEXT_LENGTH, MAX_NAME_LENGTH, MAX_REFERENCE_LENGTH, MAX_TEXT_LENGTH } from './limits.js';

// One living answer file per vendor. Answer values are checked against the questionnaire
// afterwards (validate/check-vendor.ts): this schema only knows their outer shape.

const evidenceRecord = z.strictObject({
  ref: requiredText(MAX_REFERENCE_LENGTH),
  date: calendarDate.optional(),
  expires: calendarDate.optional(),
  note: text(MAX_LONG_TEXT_LENGTH).optional(),
});

/** A URL or document reference, or a record with the date the evidence was produced. */
const evidenceSchema = z.union([requiredText(MAX_REFERENCE_LENGTH), evidenceRecord]);

const answerText = text(MAX_LONG_TEXT_LENGTH);
const answerValue = z.union([answerText, z.number(), z.boolean(), z.array(z.union([answerText, z.number(), z.boolean(), z.record(z.string(), z.unknown())]))]);

/**
 * What is known of one question: a value; a decline (the vendor would not say, with the reason it
 * gave); or not applicable (with the reason). A question with no entry has not been asked yet.
 */
const answerSchema = z
  .strictObject({
    value: answerValue.optional(),
    declined: z
      .string({
        error: (issue) => (issue.code === 'invalid_type' ? 'declined takes what the vendor said, e.g. declined: "will not disclose data volumes"' : undefined),
      })
      .trim()
      .min(3, { error: 'declined needs the reason the vendor gave, or what it said, in a few words' })
      .max(MAX_TEXT_LENGTH)
      .optional(),
    notApplicable: z
      .string({
        error: (issue) =>
          issue.code === 'invalid_type' ? 'notApplicable takes the justification, e.g. notApplicable: "We sell no generated content"' : undefined,
      })
      .trim()
      .min(10, { error: 'notApplicable needs a justification of at least a few words' })
      .max(MAX_TEXT_LENGTH)
      .optional(),
    evidence: evidenceSchema.optional(),
    note: text(MAX_LONG_TEXT_LENGTH).optional(),
    date: calendarDate.optional(),
    /** Who gave the answer, when several answered for the vendor: one of interview.respondents. */
    by: text(MAX_NAME_LENGTH).optional(),
  })
  .refine((a) => [a.value, a.declined, a.notApplicable].filter((x) => x !== undefined).length === 1, {
    error: 'an answer has exactly one of value, declined (the reason the vendor gave) or notApplicable (the justification)',
    when: whenSound,
  });

const ROADMAP_STATUSES = ['planned', 'delivered', 'slipped', 'dropped'] as const;

/** What a roadmap commitment is, wherever it is recorded (vendor files and findings). */
export const commitmentFields = {
  id: slug,
  title: requiredText(MAX_NAME_LENGTH),
  promised: period.optional(),
  due: period,
  status: z.enum(ROADMAP_STATUSES),
  deliveredIn: period.optional(),
  revisedDue: period.optional(),
};

const commitmentSchema = z
  .strictObject({
    ...commitmentFields,
    evidence: evidenceSchema.optional(),
    note: text(MAX_LONG_TEXT_LENGTH).optional(),
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

const scalar = z.union([text(MAX_TEXT_LENGTH), z.number(), z.boolean()]);

/**
 * What a claim says about one question of the questionnaire, as a test its answer must pass:
 * "over 95% of orders without human intervention" is { question: automation-rate, gte: 95 }.
 */
export const ASSERTION_OPERATORS = ['equals', 'in', 'gt', 'gte', 'lt', 'lte', 'includes'] as const;

const assertionSchema = z
  .strictObject({
    question: slug,
    equals: scalar.optional(),
    in: z.array(scalar).min(1).optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    includes: text(MAX_TEXT_LENGTH).optional(),
    /** For number questions: the unit the claim speaks in, checked against the question's. */
    unit: text(MAX_NAME_LENGTH).optional(),
  })
  .refine((a) => ASSERTION_OPERATORS.filter((op) => a[op] !== undefined).length === 1, {
    error: `an assertion needs exactly one test: one of ${ASSERTION_OPERATORS.join(', ')}, e.g. { question: automation-rate, gte: 95 }`,
    when: whenSound,
  });

const claimSchema = z.strictObject({
  /** Names the claim in findings across quarters; by default one is made from its text. */
  id: slug.optional(),
  text: requiredText(MAX_TEXT_LENGTH),
  source: requiredText(MAX_REFERENCE_LENGTH).optional(),
  date: calendarDate.optional(),
  feature: text(MAX_NAME_LENGTH).optional(),
  asserts: z.array(assertionSchema).min(1).optional(),
});

/**
 * A test of what the vendor claims, and what it found: an independent lab, a regulator's findings,
 * a customer's pilot, or the vendor's own evaluation document (independent: false).
 */
const evaluationSchema = z.strictObject({
  question: slug,
  /** What the test found, as an answer to the question would say it. */
  measured: scalar,
  by: requiredText(MAX_REFERENCE_LENGTH),
  independent: z.boolean(),
  date: calendarDate.optional(),
  source: requiredText(MAX_REFERENCE_LENGTH).optional(),
  note: text(MAX_LONG_TEXT_LENGTH).optional(),
});

const person = z.strictObject({
  name: requiredText(MAX_NAME_LENGTH),
  role: text(MAX_NAME_LENGTH).optional(),
  email: text(MAX_REFERENCE_LENGTH).optional(),
});

/** Annual spend: summed over every vendor in reports, so finite and at most MAX_AMOUNT (10^12). */
export const spendAmount = z
  .number()
  .min(0)
  .max(MAX_AMOUNT, { error: `must be at most ${MAX_AMOUNT.toLocaleString('en-US')} (10^12): write the annual spend in units of the currency, e.g. 48000` });

export const USAGE_UNITS = ['seats', 'users', 'contacts', 'profiles', 'units'] as const;

/** The team's own outcome figure for a product, with its source: in a vendor file's usage, and in its finding. */
export const outcomeSchema = z.strictObject({
  metric: requiredText(MAX_NAME_LENGTH),
  value: z.union([z.number(), requiredText(MAX_NAME_LENGTH)]),
  source: requiredText(MAX_REFERENCE_LENGTH),
});

/**
 * How much of the licence is in use: seats (or contacts, profiles, units) licensed and used, and
 * the team's own outcome figure for the product, where it measures one. Used above licensed is refused.
 */
const usageSchema = z
  .strictObject({
    licensed: z
      .number({ error: 'must be a number: the seats or units the licence covers' })
      .positive({ error: 'must be more than 0: the seats or units the licence covers' })
      .max(MAX_AMOUNT),
    used: z.number({ error: 'must be a number: the seats or units in use' }).min(0, { error: 'cannot be negative: the seats or units in use' }).max(MAX_AMOUNT),
    /** Seats by default. */
    unit: z.enum(USAGE_UNITS, { error: `must be one of: ${USAGE_UNITS.join(', ')}` }).optional(),
    outcome: outcomeSchema.optional(),
  })
  .refine((u) => u.used <= u.licensed, {
    error: (issue) => {
      const u = issue.input as { used: number; licensed: number };
      return `is more than licensed (${u.used} used of ${u.licensed} licensed): check both figures, or record the licence as it now stands`;
    },
    path: ['used'],
    when: whenSound,
  });

export const vendorSchema = z
  .strictObject({
    schema: schemaKey(SCHEMA_IDS.vendor),
    id: slug,
    name: requiredText(MAX_NAME_LENGTH),
    /** The questionnaire the answers follow, when it is not the workspace's. */
    questionnaire: slug.optional(),
    product: text(MAX_NAME_LENGTH).optional(),
    category: z.enum(MARTECH_CATEGORY_IDS, { error: `must be one of the martech categories: ${MARTECH_CATEGORY_IDS.join(', ')}` }),
    /** The team's own name for a category outside the seed ones: only with category `other`. */
    categoryLabel: requiredText(MAX_NAME_LENGTH).optional(),
    website: text(MAX_REFERENCE_LENGTH).optional(),
    owner: text(MAX_NAME_LENGTH).optional(),
    spend: z
      .strictObject({
        amount: spendAmount,
        currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 currency code such as EUR or USD' }),
      })
      .optional(),
    renewal: calendarDate.optional(),
    usage: usageSchema.optional(),
    interview: z
      .strictObject({
        date: calendarDate,
        interviewer: requiredText(MAX_NAME_LENGTH),
        respondents: z.array(person).min(1),
      })
      .optional(),
    claims: z.array(claimSchema).optional(),
    /** Tests of the claims: what was measured, by whom. Compared with every claim's assertions. */
    evaluations: z.array(evaluationSchema).optional(),
    roadmap: z.array(commitmentSchema).optional(),
    answers: z.record(z.string(), answerSchema).default({}),
  })
  .refine((v) => v.categoryLabel === undefined || v.category === 'other', {
    error:
      'categoryLabel is only for category "other" (a label of the team\'s own for a category outside the martech categories): remove it, or set category: other',
    path: ['categoryLabel'],
    when: whenSound,
  });

export type Vendor = z.output<typeof vendorSchema>;
export type Answer = z.output<typeof answerSchema>;
export type Evidence = z.output<typeof evidenceSchema>;
export type Commitment = z.output<typeof commitmentSchema>;
export type Claim = z.output<typeof claimSchema>;
export type Assertion = z.output<typeof assertionSchema>;
export type Evaluation = z.output<typeof evaluationSchema>;
export type AnswerValue = NonNullable<Answer['value']>;
