import * as z from 'zod';
import { requiredText, schemaKey, SCHEMA_IDS, slug, text, whenSound } from './common.js';
import { MAX_LONG_TEXT_LENGTH, MAX_NAME_LENGTH, MAX_REFERENCE_LENGTH, MAX_TEXT_LENGTH, MAX_VERSION_LENGTH, MAX_WEIGHT } from './limits.js';
import { conditionSchema } from './condition.js';

// A questionnaire is data: sections of typed questions, the points each answer earns, the
// conditions that show a question, and red flags raised by conditions across answers.

const EVIDENCE_REQUIREMENTS = ['required', 'optional', 'none'] as const;
/**
 * The two ratings a vendor gets, never blended: is the AI claim real (legitimacy), and what does
 * relying on the vendor risk (risk). Each top-level section feeds one.
 */
export const RATINGS = ['legitimacy', 'risk'] as const;
export type RatingKind = (typeof RATINGS)[number];
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

const points = z.number().min(0, { error: 'points cannot be negative: score the better answer higher instead' }).max(1000);

const frameworkRef = z.strictObject({
  framework: slug,
  ref: requiredText(MAX_REFERENCE_LENGTH),
});

const option = z.strictObject({
  value: slug,
  label: requiredText(MAX_NAME_LENGTH),
  help: text(MAX_LONG_TEXT_LENGTH).optional(),
  points: points.optional(),
  /** Multi questions only: an option that cannot be ticked with any other ("None"). */
  exclusive: z.boolean().optional(),
  /**
   * Choice questions only, one option at most: picking it is the vendor declining to say ("Will
   * not say"). It stays an answer (scored and tested like any option); the interview offers no
   * generic "the vendor will not say" beside it, which would ask the same thing twice.
   */
  declines: z.boolean().optional(),
});

const band = z.strictObject({
  gte: z.number().optional(),
  gt: z.number().optional(),
  lte: z.number().optional(),
  lt: z.number().optional(),
  points,
  label: text(MAX_NAME_LENGTH).optional(),
});

const FIELD_TYPES = ['text', 'number', 'date', 'quarter', 'boolean', 'choice'] as const;
const field = z.strictObject({
  id: slug,
  text: requiredText(MAX_TEXT_LENGTH),
  type: z.enum(FIELD_TYPES),
  options: z.array(option).min(1).optional(),
  required: z.boolean().optional(),
});

const common = {
  id: slug,
  text: requiredText(MAX_TEXT_LENGTH),
  help: text(MAX_LONG_TEXT_LENGTH).optional(),
  when: conditionSchema.optional(),
  evidence: z.enum(EVIDENCE_REQUIREMENTS).default('optional'),
  notApplicable: z.boolean().default(false),
  required: z.boolean().optional(),
  maps: z.array(frameworkRef).optional(),
  replaces: z.array(slug).optional(),
  /**
   * Date and quarter questions only: the answer is a day or quarter that has already come (when
   * the model was last trained), so one after today, or after today's quarter, is impossible.
   */
  past: z.boolean().optional(),
};

const booleanQuestion = z.strictObject({
  ...common,
  type: z.literal('boolean'),
  points: z.union([points, z.strictObject({ yes: points.default(0), no: points.default(0) })]).optional(),
});

const choiceQuestion = z.strictObject({
  ...common,
  type: z.literal('choice'),
  options: z.array(option).min(2),
});

const multiQuestion = z.strictObject({
  ...common,
  type: z.literal('multi'),
  options: z.array(option).min(2),
  cap: points.optional(),
});

const numberQuestion = z.strictObject({
  ...common,
  type: z.literal('number'),
  unit: requiredText(MAX_NAME_LENGTH),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  bands: z.array(band).min(1).optional(),
});

const answeredPoints = { points: points.optional() };
const textQuestion = z.strictObject({ ...common, ...answeredPoints, type: z.literal('text') });
const dateQuestion = z.strictObject({ ...common, ...answeredPoints, type: z.literal('date') });
const quarterQuestion = z.strictObject({ ...common, ...answeredPoints, type: z.literal('quarter') });

const listQuestion = z.strictObject({
  ...common,
  type: z.literal('list'),
  /** roadmap and claims live at the top of a vendor file; other lists live in its answers. */
  binds: z.enum(['roadmap', 'claims']).optional(),
  fields: z.array(field).min(1).optional(),
  points: z.union([z.strictObject({ perItem: points, cap: points }), z.strictObject({ delivery: points })]).optional(),
});

/** Computed by aiclaim from earlier snapshots, never asked: the share of roadmap promises kept. */
const trackRecordQuestion = z.strictObject({ ...common, type: z.literal('track-record'), points });

const questionSchema = z.discriminatedUnion(
  'type',
  [booleanQuestion, choiceQuestion, multiQuestion, numberQuestion, textQuestion, dateQuestion, quarterQuestion, listQuestion, trackRecordQuestion],
  { error: 'type must be one of boolean, choice, multi, number, text, date, quarter, list, track-record' },
);

/**
 * Who answers a section's questions: the vendor (the default), or the buying team itself (its own
 * KPIs and costs), of whom "the vendor will not say" makes no sense. A subsection inherits its
 * parent's unless it says otherwise.
 */
const ASKED_OF = ['vendor', 'team'] as const;
export type AskedOf = (typeof ASKED_OF)[number];

export interface SectionInput {
  id: string;
  title: string;
  help?: string | undefined;
  weight?: number | undefined;
  rating?: RatingKind | undefined;
  askedOf?: AskedOf | undefined;
  questions?: z.input<typeof questionSchema>[] | undefined;
  sections?: SectionInput[] | undefined;
}

export interface Section {
  id: string;
  title: string;
  help?: string | undefined;
  weight: number;
  /** Top-level sections only: the rating the section feeds (default legitimacy). */
  rating?: RatingKind | undefined;
  /** Who answers: see ASKED_OF. Unset, the parent section's; at the top, the vendor. */
  askedOf?: AskedOf | undefined;
  questions?: Question[] | undefined;
  sections?: Section[] | undefined;
}

const sectionSchema: z.ZodType<Section, SectionInput> = z.lazy(() =>
  z
    .strictObject({
      id: slug,
      title: requiredText(MAX_NAME_LENGTH),
      help: text(MAX_LONG_TEXT_LENGTH).optional(),
      weight: z.number().positive({ error: 'weight must be above 0' }).max(MAX_WEIGHT).default(1),
      rating: z.enum(RATINGS, { error: 'rating must be legitimacy or risk' }).optional(),
      askedOf: z.enum(ASKED_OF, { error: 'askedOf must be vendor (the vendor answers) or team (your own side answers)' }).optional(),
      questions: z.array(questionSchema).min(1).optional(),
      sections: z.array(sectionSchema).min(1).optional(),
    })
    .refine((s) => (s.questions === undefined) !== (s.sections === undefined), {
      error: 'a section holds either questions or sections, not both and not neither',
      when: whenSound,
    }),
);

const redFlag = z.strictObject({
  id: slug,
  severity: z.enum(SEVERITIES),
  title: requiredText(MAX_NAME_LENGTH),
  message: requiredText(MAX_TEXT_LENGTH),
  when: conditionSchema,
  cap: slug.optional(),
  /** The rating the flag speaks to, and whose verdict it may cap. */
  rating: z.enum(RATINGS, { error: 'rating must be legitimacy or risk' }).default('legitimacy'),
  maps: z.array(frameworkRef).optional(),
});

const verdictBand = z.strictObject({
  id: slug,
  label: requiredText(MAX_NAME_LENGTH),
  min: z.number().min(0).max(100),
  help: text(MAX_LONG_TEXT_LENGTH).optional(),
});

/**
 * When a rating can be given at all: the questions that decide it, and how many of those that
 * apply must be answered or declined. Below that the vendor is not assessed.
 */
const assessment = z.strictObject({
  decisive: z.array(slug).min(1),
  minimum: z.number().int().min(1).optional(),
});

const caps = z.partialRecord(z.enum(SEVERITIES), slug);

const claimFlag = z.strictObject({ severity: z.enum(SEVERITIES), cap: slug.optional() });

export const crosswalkEntry = z.strictObject({
  from: slug,
  to: slug,
  meaning: z.enum(['same', 'changed'], { error: 'must be same or changed' }),
  note: text(MAX_TEXT_LENGTH).optional(),
});

export const questionnaireSchema = z.strictObject({
  schema: schemaKey(SCHEMA_IDS.questionnaire),
  id: slug,
  version: z
    .string()
    .max(MAX_VERSION_LENGTH)
    .regex(/^\d+\.\d+\.\d+$/, { error: 'must be a version written MAJOR.MINOR.PATCH' }),
  title: requiredText(MAX_NAME_LENGTH),
  description: text(MAX_LONG_TEXT_LENGTH).optional(),
  source: text(MAX_TEXT_LENGTH).optional(),
  frameworks: z.record(slug, requiredText(MAX_NAME_LENGTH)).optional(),
  scoring: z
    .strictObject({
      method: z.enum(['weighted-sections', 'points']).default('weighted-sections'),
      unverifiedShare: z.number().min(0).max(1).default(0.5),
      verdicts: z.array(verdictBand).min(1).optional(),
      caps: caps.optional(),
      assessment: assessment.optional(),
      risk: z
        .strictObject({
          bands: z.array(verdictBand).min(1).optional(),
          caps: caps.optional(),
          assessment: assessment.optional(),
        })
        .optional(),
      /** The flags raised when a claim's assertion is contradicted, or its question declined. */
      claims: z
        .strictObject({
          contradicted: claimFlag.optional(),
          withheld: claimFlag.optional(),
          /** How far a measured figure may fall short of a claimed one (a share of it) and count as disputed, not contradicted. */
          tolerance: z.number().min(0).max(1).optional(),
        })
        .optional(),
    })
    .prefault({}),
  sections: z.array(sectionSchema).min(1),
  redFlags: z.array(redFlag).optional(),
  /**
   * How this edition's questions relate to an earlier edition's: old id → new id, and whether the
   * question still measures the same ("same": a reworded question) or not. diff and trend use it.
   */
  crosswalk: z.array(crosswalkEntry).max(5000).optional(),
});

/**
 * What a questionnaire file says, as digests: the whole file, and what defines each question
 * (question-definitions.ts). Set by the loader from the file as written, before the schema's
 * defaults, so that a default a later aiclaim adds does not make the same file another edition.
 */
export interface QuestionnaireIdentity {
  hash: string;
  questions: Readonly<Record<string, string>>;
  /**
   * The hash aiclaim 0.2 and earlier gave the same file: of the questionnaire as the schema fills
   * it in. A snapshot they wrote records it; it is read as this hash (find.ts, currentHeader).
   */
  legacy: string;
}

/** A questionnaire as read; `identity` is absent only for one built in code rather than read from a file. */
export type Questionnaire = z.output<typeof questionnaireSchema> & { identity?: QuestionnaireIdentity | undefined };
export type CrosswalkEntry = z.output<typeof crosswalkEntry>;
export type Question = z.output<typeof questionSchema>;
export type VerdictBand = z.output<typeof verdictBand>;
export type ListField = z.output<typeof field>;
export type Option = z.output<typeof option>;
export type NumberBand = z.output<typeof band>;

export const DEFAULT_VERDICTS: VerdictBand[] = [
  { id: 'substantiated', label: 'Substantiated', min: 75, help: 'AI claims backed by data, tests and evidence' },
  { id: 'plausible', label: 'Plausible', min: 55, help: 'mostly backed; some claims still need evidence' },
  { id: 'weak', label: 'Weak', min: 35, help: 'thin substance behind the claims' },
  { id: 'unsubstantiated', label: 'Unsubstantiated', min: 0, help: 'the AI claims are not backed' },
];

const DEFAULT_CAPS: Partial<Record<Severity, string>> = { critical: 'weak' };

export const DEFAULT_RISK_BANDS: VerdictBand[] = [
  { id: 'low', label: 'Low risk', min: 75, help: 'GDPR, copyright, viability and value are covered' },
  { id: 'moderate', label: 'Moderate risk', min: 50, help: 'some exposure to manage in the contract' },
  { id: 'high', label: 'High risk', min: 25, help: 'serious exposure: act before renewal' },
  { id: 'severe', label: 'Severe risk', min: 0, help: 'relying on this vendor is a liability' },
];

const DEFAULT_RISK_CAPS: Partial<Record<Severity, string>> = { critical: 'high', high: 'moderate' };

/** The verdict of a rating that could not be given: too little of what decides it is known. */
export const NOT_ASSESSED = {
  id: 'not-assessed',
  label: 'Not assessed',
  min: 0,
  help: 'too little is known to say: interview the vendor',
} as const satisfies VerdictBand;

export type ClaimFlagKind = 'contradicted' | 'withheld';

/** The ids of the flags claim checks raise: a questionnaire's own flags may not use them. */
export const CLAIM_FLAG_IDS: Record<ClaimFlagKind, string> = { contradicted: 'claim-contradicted', withheld: 'claim-withheld' };

/** Verdict bands and red-flag caps in force: the questionnaire's own, else the defaults (which go together). */
export function verdictsOf(questionnaire: Questionnaire): { verdicts: VerdictBand[]; caps: Partial<Record<Severity, string>> } {
  const verdicts = questionnaire.scoring.verdicts ?? DEFAULT_VERDICTS;
  const caps = questionnaire.scoring.caps ?? (questionnaire.scoring.verdicts ? {} : DEFAULT_CAPS);
  return { verdicts, caps };
}

/** Risk bands and caps in force, when the questionnaire rates risk at all (a section feeds it). */
export function riskBandsOf(questionnaire: Questionnaire): { bands: VerdictBand[]; caps: Partial<Record<Severity, string>> } {
  const risk = questionnaire.scoring.risk;
  const bands = risk?.bands ?? DEFAULT_RISK_BANDS;
  const caps = risk?.caps ?? (risk?.bands ? {} : DEFAULT_RISK_CAPS);
  return { bands, caps };
}

export function ratesRisk(questionnaire: Questionnaire): boolean {
  return questionnaire.sections.some((s) => s.rating === 'risk');
}

/** Benchmarks run twice differ by a few per cent: a shortfall within this share of the claim is disputed, not contradicted. */
const DEFAULT_CLAIM_TOLERANCE = 0.05;

/** The severity and cap of the flags claim checks raise, and the tolerance of figures: the questionnaire's, else the defaults. */
export function claimRulesOf(questionnaire: Questionnaire): Record<ClaimFlagKind, { severity: Severity; cap?: string | undefined }> & { tolerance: number } {
  const own = questionnaire.scoring.claims;
  return {
    contradicted: own?.contradicted ?? { severity: 'critical' },
    withheld: own?.withheld ?? { severity: 'high' },
    tolerance: own?.tolerance ?? DEFAULT_CLAIM_TOLERANCE,
  };
}
