import * as z from 'zod';
import { calendarDate, period, requiredText, schemaKey, SCHEMA_IDS, slug, text } from './common.js';
import { MAX_AMOUNT, MAX_KEY_LENGTH, MAX_NAME_LENGTH, MAX_PATH_LENGTH, MAX_REFERENCE_LENGTH, MAX_TEXT_LENGTH, MAX_VERSION_LENGTH } from './limits.js';
import { RATINGS, SEVERITIES } from './questionnaire.js';
import { commitmentFields, outcomeSchema, spendAmount, USAGE_UNITS } from './vendor.js';

// A findings snapshot: what the scorer concluded for every vendor in one quarter. Deterministic
// (sorted, no clock time) so that two snapshots diff cleanly in git.

const QUESTION_STATES = [
  'evidenced',
  'answered',
  'unverified',
  'late-evidence',
  'expired-evidence',
  /** The vendor would not say: scores zero, counts in the score, may raise flags. */
  'declined',
  /** Nobody has asked yet: no information, out of the score. */
  'not-asked',
  /** Snapshots scored before edition 2 of the rules: no answer, counted as zero. */
  'unanswered',
  'not-applicable',
  'hidden',
] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

/** The states in which nothing is known of a question's answer (not asked, or ruled out). */
export const ABSENT_STATES: ReadonlySet<string> = new Set(['not-asked', 'unanswered', 'hidden']);

const FLAG_BASES = ['answered', 'missing'] as const;
/** A flag on recorded answers (declines included) is a finding; one on missing answers an open question. */
export type FlagBasis = (typeof FLAG_BASES)[number];

const CLAIM_OUTCOMES = ['contradicted', 'withheld', 'disputed', 'unchecked', 'unverified', 'supported'] as const;
/**
 * What the record makes of one assertion of a claim: contradicted (an answer, its evidence or a test
 * says otherwise), withheld (the vendor declined the question), disputed (a figure found falls short
 * of the claim, but within the tolerance of measurement), unchecked (nothing recorded can tell: an
 * open question), unverified (only the vendor's word agrees), supported (evidence or a test agrees).
 */
export type ClaimOutcome = (typeof CLAIM_OUTCOMES)[number];

const COMMITMENT_STATES = ['pending', 'on-time', 'late', 'slipped', 'overdue', 'dropped'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

const ratio = z.number().min(0).max(1);
const hash = z.string().regex(/^[0-9a-f]{16,64}$/, { error: 'must be a hex digest' });

/** "points/possible state digest", one line per question so that snapshot diffs stay readable. */
const QUESTION_LINE = new RegExp(`^(\\d+(?:\\.\\d+)?)/(\\d+(?:\\.\\d+)?) (${QUESTION_STATES.join('|')})(?: ([0-9a-f]{8}))?$`);

/** Points earned and possible: sums of question points, bounded like amounts so that sums of them stay finite. */
const pointTotal = z.number().min(0).max(MAX_AMOUNT);

const sectionResult = z.strictObject({
  score: z.number().min(0).max(100).nullable(),
  earned: pointTotal,
  possible: pointTotal,
});

const flagResult = z.strictObject({
  id: slug,
  severity: z.enum(SEVERITIES),
  title: requiredText(MAX_NAME_LENGTH),
  /** Absent in snapshots scored before edition 2 of the rules: read as answered. */
  basis: z.enum(FLAG_BASES).optional(),
  rating: z.enum(RATINGS).optional(),
  /** What the flag is about when it can be raised more than once: a claim's id. */
  subject: slug.optional(),
  /** For a flag on missing answers: the questions whose answers would settle it. */
  ask: z.array(slug).optional(),
});

/** A flag named in a cap: its id, or for a flag raised once per claim, id:claim. */
const flagRef = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}(?::[a-z0-9][a-z0-9-]{0,63})?$/, { error: 'must be a red flag id, or id:claim for a flag about one claim' });

const coverage = z.strictObject({
  answered: z.number().int().min(0),
  applicable: z.number().int().min(0),
  required: z.number().int().min(0),
  /** While the rating cannot be given: the decisive questions not asked yet. */
  missing: z.array(slug).optional(),
});

const riskResult = z.strictObject({
  /** 0-100: how well the risks are covered (higher is safer); null when not assessed. */
  safeguards: z.number().min(0).max(100).nullable(),
  rating: slug,
  cappedBy: z.array(flagRef).optional(),
  decisive: coverage,
});

const claimCheck = z.strictObject({
  question: slug,
  asserts: requiredText(MAX_TEXT_LENGTH),
  outcome: z.enum(CLAIM_OUTCOMES),
  /** What was found, and by whom, when anything was. */
  found: text(MAX_TEXT_LENGTH).optional(),
});

const claimResult = z.strictObject({
  id: slug,
  text: requiredText(MAX_TEXT_LENGTH),
  source: text(MAX_REFERENCE_LENGTH).optional(),
  date: calendarDate.optional(),
  checks: z.array(claimCheck).min(1),
});

const commitmentResult = z.strictObject({
  ...commitmentFields,
  state: z.enum(COMMITMENT_STATES),
  quartersLate: z.number().int().min(0),
});

export const vendorFindingSchema = z.strictObject({
  id: slug,
  name: requiredText(MAX_NAME_LENGTH),
  category: slug,
  /** The team's own label, for category `other`. */
  categoryLabel: requiredText(MAX_NAME_LENGTH).optional(),
  spend: z.strictObject({ amount: spendAmount, currency: z.string().regex(/^[A-Z]{3}$/) }).optional(),
  renewal: calendarDate.optional(),
  /** Seats or units licensed and in use, as the vendor file gave them for the quarter. */
  usage: z.strictObject({ licensed: z.number().positive().max(MAX_AMOUNT), used: z.number().min(0).max(MAX_AMOUNT), unit: z.enum(USAGE_UNITS) }).optional(),
  /** The team's own outcome figure for the product, with its source. */
  outcome: outcomeSchema.optional(),
  interviewed: calendarDate.optional(),
  /** The legitimacy score; null when too little of what decides it is known (verdict not-assessed). */
  score: z.number().min(0).max(100).nullable(),
  verdict: slug,
  cappedBy: z.array(flagRef).optional(),
  /** The decisive questions for a verdict: how many are answered or declined, of those that apply. */
  decisive: coverage.optional(),
  risk: riskResult.optional(),
  completeness: ratio,
  confidence: ratio.nullable(),
  sections: z.record(z.string().max(MAX_KEY_LENGTH), sectionResult),
  redFlags: z.array(flagResult),
  /** Claims that assert something checkable, each assertion with what the record makes of it. */
  claims: z.array(claimResult).optional(),
  roadmap: z.array(commitmentResult),
  questions: z.record(slug, z.string().regex(QUESTION_LINE, { error: 'must read "points/possible state digest"' })),
  digest: hash,
  source: z.strictObject({ file: text(MAX_PATH_LENGTH), hash }),
});

export const findingsSchema = z.strictObject({
  schema: schemaKey(SCHEMA_IDS.findings),
  period,
  questionnaire: z.strictObject({
    id: slug,
    version: text(MAX_VERSION_LENGTH),
    hash,
    /** What defines each question (src/core/findings/question-definitions.ts); absent in snapshots written before snapshots carried them. */
    questions: z.record(slug, z.string().regex(/^[0-9a-f]{8}$/, { error: 'must be an 8-character hex digest' })).optional(),
    /** The questionnaire's verdicts, best first, so that a snapshot is rendered without it; absent in snapshots written before. */
    verdicts: z
      .array(z.strictObject({ id: slug, label: requiredText(MAX_NAME_LENGTH), min: z.number().min(0).max(100) }))
      .max(20)
      .optional(),
    /** The risk bands, best (lowest risk) first, when the questionnaire rates risk; absent in snapshots written before. */
    risks: z
      .array(z.strictObject({ id: slug, label: requiredText(MAX_NAME_LENGTH), min: z.number().min(0).max(100) }))
      .max(20)
      .optional(),
  }),
  tool: text(MAX_VERSION_LENGTH),
  /** Digest of the earlier snapshots this one was scored with (the roadmap track record). */
  history: hash.optional(),
  vendors: z.array(vendorFindingSchema),
});

export type Findings = z.output<typeof findingsSchema>;
export type VendorFinding = z.output<typeof vendorFindingSchema>;
export type FlagResult = z.output<typeof flagResult>;
export type CommitmentResult = z.output<typeof commitmentResult>;
