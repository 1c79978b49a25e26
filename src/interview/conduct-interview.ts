import type { Draft } from '../core/interview/draft.js';
import { indexQuestionnaire, type IndexedSection } from '../core/questionnaire-index.js';
import { own } from '../core/schema/limits.js';
import type { Question, Questionnaire } from '../core/schema/questionnaire.js';
import type { Answer, Vendor } from '../core/schema/vendor.js';
import { askAnswer, questionHeading, type Answering } from './ask-answer.js';
import { editClaims } from './edit-claims.js';
import { dueCommitments, editRoadmap, reviewCommitment } from './edit-roadmap.js';
import { reviewAnswers, shownAnswer } from './review-answers.js';
import { sectionTitle, shownQuestions, type Shown } from './shown-questions.js';
import { askInterviewRecord, askProfile, chooseVendor, NEW_VENDOR, type DraftChoice, type VendorChoice } from './ask-profile.js';
import { UserError } from '../shell/user-error.js';
import { GoBack, withLengthLimits, type Prompter } from './prompter.js';
import { terminalText } from '../render/terminal-text.js';

// The interview as a conversation: which vendor, resume or start, then the questionnaire question
// by question, with a way back; then a review of every answer before the file is written. Every
// answer is saved to the draft before the next question is asked.

export interface InterviewStore {
  listVendors(): Promise<VendorChoice[]>;
  /** Unfinished interviews, each offered from the vendor picker. */
  listDrafts(): Promise<DraftChoice[]>;
  readVendor(id: string): Promise<Vendor | undefined>;
  readDraft(id: string): Promise<Draft | undefined>;
  saveDraft(draft: Draft): Promise<void>;
}

export interface InterviewOptions {
  id?: string | undefined;
  changedOnly: boolean;
  /**
   * A vendor file whose profile, answers, claims and roadmap are offered, e.g. the questionnaire
   * the vendor filled in beforehand: its profile as the defaults of a new vendor's, its answers as
   * the defaults of the questions, its claims and commitments added to those on record.
   */
  preload?: Vendor | undefined;
  currency: string;
  period: string;
  today: string;
}

export async function conductInterview(questionnaire: Questionnaire, store: InterviewStore, asking: Prompter, options: InterviewOptions): Promise<Draft> {
  const prompter = withLengthLimits(asking);
  const vendors = await store.listVendors();
  const drafts = await store.listDrafts();
  const chosen = options.id ?? (await chooseVendor(vendors, drafts, prompter));
  const id = chosen === NEW_VENDOR ? undefined : chosen;
  const draft =
    (id ? await resumeDraft(id, questionnaire, store, prompter) : undefined) ??
    (await startDraft(id, questionnaire, store, prompter, options, vendors, drafts));
  await store.saveDraft(draft);
  await askQuestions(questionnaire, draft, store, prompter, options);
  return draft;
}

async function resumeDraft(id: string, questionnaire: Questionnaire, store: InterviewStore, prompter: Prompter): Promise<Draft | undefined> {
  const draft = await store.readDraft(id);
  if (!draft) return undefined;
  if (draft.questionnaire !== questionnaire.id) {
    // Never replaced unasked: its answers are for that questionnaire.
    throw new UserError(`the unfinished interview of ${id} follows questionnaire ${draft.questionnaire}, not ${questionnaire.id}`, {
      hint: `resume it with \`aiclaim interview ${id} --questionnaire ${draft.questionnaire}\`, or delete its draft to start again`,
    });
  }
  const answered = answeredIn(draft);
  const resume = await prompter.select(
    `An unfinished interview of ${terminalText(draft.vendor.name)} from ${draft.started} has ${answered === 0 ? 'its profile and no answer yet' : `${answered} answer${answered === 1 ? '' : 's'}`}${draft.visited.length ? `, ${draft.visited.length} question${draft.visited.length === 1 ? '' : 's'} gone through` : ''}.`,
    [
      { name: 'Resume it', value: true },
      { name: 'Start again (the draft is replaced)', value: false },
    ],
  );
  return resume ? draft : undefined;
}

async function startDraft(
  id: string | undefined,
  questionnaire: Questionnaire,
  store: InterviewStore,
  prompter: Prompter,
  options: InterviewOptions,
  vendors: VendorChoice[],
  drafts: DraftChoice[],
): Promise<Draft> {
  const existing = id ? await store.readVendor(id) : undefined;
  // An id with a vendor file or an unfinished interview is taken: a new vendor never overwrites either.
  const taken = new Map<string, string>([
    ...drafts.map((d) => [d.id, `${d.id} has an unfinished interview: choose it in the list to resume it, or type another id`] as const),
    ...vendors.map((v) => [v.id, `${v.id} already exists`] as const),
  ]);
  const base = existing ?? (await askProfile(prompter, { id, taken, currency: options.currency, defaults: options.preload }));
  const vendor: Vendor = { ...base, answers: { ...base.answers, ...options.preload?.answers }, ...withPreloadedLists(base, options.preload) };
  const hasAnswers = Object.keys(existing?.answers ?? {}).length > 0;
  let mode: Draft['mode'] = 'full';
  if (hasAnswers) {
    mode = options.changedOnly
      ? 'changed-only'
      : await prompter.select<Draft['mode']>('This vendor was interviewed before. How do you want to go through it?', [
          { name: 'Only what changed: confirm each unchanged section in one keystroke', value: 'changed-only' },
          { name: 'Every question, with the previous answers as defaults', value: 'full' },
        ]);
  }
  const draft: Draft = {
    schema: 'aiclaim/draft@1',
    questionnaire: questionnaire.id,
    started: options.today,
    existing: existing !== undefined,
    mode,
    visited: [],
    unchanged: [],
    reviewed: [],
    added: [],
    vendor,
  };
  // The profile typed so far is kept before the next prompt: Ctrl-C there loses none of it.
  if (!existing) await store.saveDraft(draft);
  vendor.interview = await askInterviewRecord(vendor, options.today, prompter);
  return draft;
}

/** Everything the interview asks, question by question in questionnaire order; then the review. */
async function askQuestions(questionnaire: Questionnaire, draft: Draft, store: InterviewStore, prompter: Prompter, options: InterviewOptions): Promise<void> {
  const index = indexQuestionnaire(questionnaire);
  const sections = index.sections.filter((s) => s.section.questions);
  const answering = await whoAnswers(draft, store, prompter);
  const asking: Asking = { questionnaire, draft, store, prompter, options, answering, sections };
  for (;;) {
    await askPending(asking, index.sections);
    await reviewAnswers(questionnaire, draft, prompter, {
      period: options.period,
      sections: index.sections,
      ask: async (question, section) => {
        await askOne(question, section, asking);
        if (!draft.visited.includes(question.id)) draft.visited.push(question.id);
        await store.saveDraft(draft);
      },
    });
    // An answer changed in the review may show questions never asked: they are asked before writing.
    const left = shownQuestions(questionnaire, draft.vendor, options.period).filter((s) => !draft.visited.includes(s.question.id)).length;
    if (left === 0) return;
    prompter.note(`${left} question${left === 1 ? ' is' : 's are'} shown now by an answer changed in the review: asked before the file is written.`);
  }
}

/** The questions shown and not gone through yet, with the way back to the previous one. */
async function askPending(asking: Asking, allSections: readonly IndexedSection[]): Promise<void> {
  const { questionnaire, draft, store, prompter, options, sections } = asking;
  let header: string | undefined;
  // After "back": the question to ask next, and the section whose "nothing changed?" is not asked again.
  let target: string | undefined;
  let backInto: string | undefined;
  for (;;) {
    const shown = shownQuestions(questionnaire, draft.vendor, options.period);
    const next = shown.find((s) => s.question.id === target) ?? shown.find((s) => !draft.visited.includes(s.question.id));
    target = undefined;
    if (!next) return;
    const { question, section } = next;
    if (section.key !== header) {
      // A header only for a section with something to ask: none for those a resumed draft went through.
      header = section.key;
      prompter.note(`\n── Section ${sections.indexOf(section) + 1}/${sections.length} · ${sectionTitle(section, allSections)} ──`);
      if (section.section.questions!.some((q) => q.type === 'list' && q.binds === 'roadmap')) await reviewDue(draft, store, prompter, options.period);
      if (draft.mode === 'changed-only' && backInto !== section.key && (await confirmUnchanged(draft, section, shown, prompter))) {
        await store.saveDraft(draft);
        continue;
      }
    }
    try {
      await askOne(question, section, { ...asking, overall: progress(shown, draft) });
    } catch (error) {
      if (!(error instanceof GoBack)) throw error;
      const previous = stepBack(draft, shown);
      if (previous === undefined) prompter.note('This is the first question: there is none before it.');
      target = previous?.question.id ?? question.id;
      backInto = previous?.section.key;
      continue;
    }
    draft.visited.push(question.id);
    await store.saveDraft(draft);
  }
}

interface Asking {
  questionnaire: Questionnaire;
  draft: Draft;
  store: InterviewStore;
  prompter: Prompter;
  options: InterviewOptions;
  answering: Answering;
  sections: readonly IndexedSection[];
  overall?: string | undefined;
}

/** One question: a claim list, the roadmap, or an answer. Saved as soon as it is given. */
async function askOne(question: Question, section: IndexedSection, a: Asking): Promise<void> {
  const { draft, store, prompter, options } = a;
  const all = section.section.questions!.filter((q) => q.type !== 'track-record');
  const position = `${all.findIndex((q) => q.id === question.id) + 1}/${all.length}`;
  const heading = questionHeading(question, position, a.overall);
  if (question.type === 'list' && question.binds === 'claims') {
    prompter.note(heading);
    draft.vendor.claims = await editClaims(draft.vendor.claims ?? [], options.today, indexQuestionnaire(a.questionnaire), prompter, async (claims) => {
      draft.vendor.claims = claims;
      await store.saveDraft(draft);
    });
  } else if (question.type === 'list' && question.binds === 'roadmap') {
    prompter.note(heading);
    draft.vendor.roadmap = await editRoadmap(draft.vendor.roadmap ?? [], prompter, {
      period: options.period,
      added: draft.added,
      save: async (roadmap) => {
        draft.vendor.roadmap = roadmap;
        await store.saveDraft(draft);
      },
    });
  } else {
    const previous = own(draft.vendor.answers, question.id);
    const answer = await askAnswer(question, previous, {
      prompter,
      position,
      overall: a.overall,
      today: options.today,
      askedOf: section.askedOf,
      answering: a.answering,
      claimDate: draft.vendor.interview?.date,
      // The value is kept before its evidence is asked.
      save: async (partial) => {
        setAnswer(draft.vendor, question.id, partial);
        draft.answering = a.answering.current;
        await store.saveDraft(draft);
      },
    }).catch(async (error: unknown) => {
      // Back from the evidence prompt's question: the value kept for it is taken back.
      if (error instanceof GoBack && own(draft.vendor.answers, question.id) !== previous) {
        setAnswer(draft.vendor, question.id, previous);
        await store.saveDraft(draft);
      }
      throw error;
    });
    setAnswer(draft.vendor, question.id, answer);
    draft.answering = a.answering.current;
  }
  await store.saveDraft(draft);
}

/** Who answers for the vendor now, asked once when several do. */
async function whoAnswers(draft: Draft, store: InterviewStore, prompter: Prompter): Promise<Answering> {
  const respondents = (draft.vendor.interview?.respondents ?? []).map((r) => r.name);
  const answering: Answering = { respondents, current: respondents.includes(draft.answering ?? '') ? draft.answering : undefined };
  if (respondents.length > 1 && answering.current === undefined) {
    answering.current = await prompter.select(
      'Several people answer for the vendor. Who answers first? (each answer records who gave it; "Add a note, or say who answered" changes it)',
      respondents.map((name) => ({ name: terminalText(name), value: name })),
    );
    draft.answering = answering.current;
    await store.saveDraft(draft);
  }
  return answering;
}

/**
 * The question before the one being asked: the last one gone through that is still shown. It is
 * taken off the list of those gone through (and its section off those confirmed unchanged).
 */
function stepBack(draft: Draft, shown: readonly Shown[]): Shown | undefined {
  while (draft.visited.length) {
    const id = draft.visited.pop()!;
    const found = shown.find((s) => s.question.id === id);
    if (found) {
      draft.unchanged = draft.unchanged.filter((u) => u !== found.section.section.id);
      return found;
    }
  }
  return undefined;
}

async function reviewDue(draft: Draft, store: InterviewStore, prompter: Prompter, period: string): Promise<void> {
  const due = dueCommitments(draft.vendor.roadmap ?? [], period).filter((c) => !draft.reviewed.includes(c.id));
  if (due.length) prompter.note(`${due.length} roadmap commitment${due.length === 1 ? ' has' : 's have'} come due:`);
  for (const commitment of due) {
    const updated = await reviewCommitment(commitment, period, prompter);
    draft.vendor.roadmap = (draft.vendor.roadmap ?? []).map((c) => (c.id === commitment.id ? updated : c));
    draft.reviewed.push(commitment.id);
    await store.saveDraft(draft);
  }
}

/** In a re-interview: the section's answers on record, confirmed in one keystroke; true when confirmed. */
async function confirmUnchanged(draft: Draft, section: IndexedSection, shown: readonly Shown[], prompter: Prompter): Promise<boolean> {
  const pending = shown.filter((s) => s.section === section && !draft.visited.includes(s.question.id)).map((s) => s.question);
  if (draft.unchanged.includes(section.section.id)) {
    // Confirmed before; a question shown since (an answer elsewhere changed) is taken as confirmed too.
    draft.visited.push(...pending.map((q) => q.id));
    return true;
  }
  if (pending.length === 0) return false;
  const answered = pending.filter(
    (q) => own(draft.vendor.answers, q.id) !== undefined || (q.type === 'list' && q.binds && draft.vendor[q.binds] !== undefined),
  );
  if (answered.length === 0) return false;
  // Answers from the vendor file, one line each in the summary.
  prompter.note(
    pending.map((q) => `  ${q.id}: ${terminalText(shownAnswer(q, draft.vendor))}${own(draft.vendor.answers, q.id)?.evidence ? ' (evidence)' : ''}`).join('\n'),
  );
  const unchanged = await prompter.confirm('Nothing changed in this section?', { default: true });
  if (unchanged) {
    draft.visited.push(...pending.map((q) => q.id));
    draft.unchanged.push(section.section.id);
  }
  return unchanged;
}

function setAnswer(vendor: Vendor, id: string, answer: Answer | undefined): void {
  const answers = { ...vendor.answers };
  if (answer === undefined) delete answers[id];
  else answers[id] = answer;
  vendor.answers = answers;
}

/** About half a minute a question, on a vendor call. */
const MINUTES_A_QUESTION = 0.5;

/**
 * Where the interview as a whole stands: the question about to be asked among all those shown now
 * (conditions may add or remove some as answers come), and a rough time left.
 */
function progress(shown: readonly Shown[], draft: Draft): string {
  const total = shown.length;
  const done = shown.filter((s) => draft.visited.includes(s.question.id)).length;
  const minutes = Math.max(1, Math.round((total - done) * MINUTES_A_QUESTION));
  return `question ${Math.min(done + 1, total)} of ${total}, about ${minutes} min left`;
}

/** Answers a draft holds: questions visited that have an answer, and claims and commitments. */
export function answeredIn(draft: Draft): number {
  return Object.keys(draft.vendor.answers).length + (draft.vendor.claims?.length ?? 0) + (draft.vendor.roadmap?.length ?? 0);
}

/** The claims and commitments of a preloaded file added to those on record: a claim once (by its text), a commitment once (by its id). */
function withPreloadedLists(base: Vendor, preload: Vendor | undefined): Pick<Vendor, 'claims' | 'roadmap'> {
  if (!preload) return {};
  const texts = new Set((base.claims ?? []).map((c) => c.text));
  const ids = new Set((base.roadmap ?? []).map((c) => c.id));
  const claims = [...(base.claims ?? []), ...(preload.claims ?? []).filter((c) => !texts.has(c.text))];
  const roadmap = [...(base.roadmap ?? []), ...(preload.roadmap ?? []).filter((c) => !ids.has(c.id))];
  return { ...(claims.length ? { claims } : {}), ...(roadmap.length ? { roadmap } : {}) };
}
