import * as z from 'zod';
import { calendarDate, nonEmptyText, period, schemaKey, SCHEMA_IDS, slug } from './common.js';
import { SEVERITIES } from './questionnaire.js';
import { commitmentFields } from './vendor.js';

// A findings snapshot: what the scorer concluded for every vendor in one quarter. Deterministic
// (sorted, no clock time) so that two snapshots diff cleanly in git.

export const QUESTION_STATES = [
  'evidenced',
  'answered',
  'unverified',
  'late-evidence',
  'expired-evidence',
  'unanswered',
  'not-applicable',
  'hidden',
] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

export const COMMITMENT_STATES = ['pending', 'on-time', 'late', 'slipped', 'overdue', 'dropped'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

const ratio = z.number().min(0).max(1);
const hash = z.string().regex(/^[0-9a-f]{16,64}$/, { error: 'must be a hex digest' });

/** "points/possible state digest", one line per question so that snapshot diffs stay readable. */
export const QUESTION_LINE = new RegExp(`^(\\d+(?:\\.\\d+)?)/(\\d+(?:\\.\\d+)?) (${QUESTION_STATES.join('|')})(?: ([0-9a-f]{8}))?$`);

const sectionResult = z.strictObject({
  score: z.number().min(0).max(100).nullable(),
  earned: z.number().min(0),
  possible: z.number().min(0),
});

const flagResult = z.strictObject({
  id: slug,
  severity: z.enum(SEVERITIES),
  title: nonEmptyText,
});

const commitmentResult = z.strictObject({
  ...commitmentFields,
  state: z.enum(COMMITMENT_STATES),
  quartersLate: z.number().int().min(0),
});

export const vendorFindingSchema = z.strictObject({
  id: slug,
  name: nonEmptyText,
  category: slug,
  spend: z.strictObject({ amount: z.number().min(0), currency: z.string().regex(/^[A-Z]{3}$/) }).optional(),
  renewal: calendarDate.optional(),
  interviewed: calendarDate.optional(),
  score: z.number().min(0).max(100),
  verdict: slug,
  cappedBy: z.array(slug).optional(),
  completeness: ratio,
  confidence: ratio.nullable(),
  sections: z.record(z.string(), sectionResult),
  redFlags: z.array(flagResult),
  roadmap: z.array(commitmentResult),
  questions: z.record(slug, z.string().regex(QUESTION_LINE, { error: 'must read "points/possible state digest"' })),
  digest: hash,
  source: z.strictObject({ file: z.string(), hash }),
});

export const findingsSchema = z.strictObject({
  schema: schemaKey(SCHEMA_IDS.findings),
  period,
  questionnaire: z.strictObject({ id: slug, version: z.string(), hash }),
  tool: z.string(),
  /** Digest of the earlier snapshots this one was scored with (the roadmap track record). */
  history: hash.optional(),
  vendors: z.array(vendorFindingSchema),
});

export type Findings = z.output<typeof findingsSchema>;
export type VendorFinding = z.output<typeof vendorFindingSchema>;
export type SectionResult = z.output<typeof sectionResult>;
export type FlagResult = z.output<typeof flagResult>;
export type CommitmentResult = z.output<typeof commitmentResult>;
