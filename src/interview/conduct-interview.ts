import type { Draft } from '../core/interview/draft.js';
import { indexQuestionnaire, type IndexedSection } from '../core/questionnaire-index.js';
import { own } from '../core/schema/limits.js';
import type { Questionnaire } from '../core/schema/questionnaire.js';
import type { Answer, Vendor } from '../core/schema/vendor.js';
import { formatAnswer } from '../core/scoring/format-answer.js';
import { scoreVendor } from '../core/scoring/score-vendor.js';
import { askAnswer } from './ask-answer.js';
import { addCommitments, askClaims, dueCommitments, reviewCommitment } from './ask-lists.js';
import { askInterviewRecord, askProfile, chooseVendor, NEW_VENDOR, type DraftChoice, type VendorChoice } from './ask-profile.js';
import { UserError } from '../shell/user-error.js';
import { withLengthLimits, type Prompter } from './prompter.js';
import { terminalText } from '../render/terminal-text.js';

// The interview as a conversation: which vendor, resume or start, then the questionnaire section
// by section. Every answer is saved to the draft before the next question is asked.

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
  const draft = (id ? await resumeDraft(id, questionnaire, store, prompter) : undefined) ?? (await startDraft(id, questionnaire, store, prompter, options, vendors, drafts));
  await store.saveDraft(draft);
  await askSections(questionnaire, draft, store, prompter, options);
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
  const resume = await prompter.select(`An unfinished interview of ${terminalText(draft.vendor.name)} from ${draft.started} has ${answered === 0 ? 'its profile and no answer yet' : `${answered} answer${answered === 1 ? '' : 's'}`}${draft.visited.length ? `, ${draft.visited.length} question${draft.visited.length === 1 ? '' : 's'} gone through` : ''}.`, [
    { name: 'Resume it', value: true },
    { name: 'Start again (the draft is replaced)', value: false },
  ]);
  return resume ? draft : undefined;
}

async function startDraft(id: string | undefined, questionnaire: Questionnaire, store: InterviewStore, prompter: Prompter, options: InterviewOptions, vendors: VendorChoice[], drafts: DraftChoice[]): Promise<Draft> {
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
  const draft: Draft = { schema: 'aiclaim/draft@1', questionnaire: questionnaire.id, started: options.today, existing: existing !== undefined, mode, visited: [], unchanged: [], reviewed: [], vendor };
  // The profile typed so far is kept before the next prompt: Ctrl-C there loses none of it.
  if (!existing) await store.saveDraft(draft);
  vendor.interview = await askInterviewRecord(vendor, options.today, prompter);
  return draft;
}

async function askSections(questionnaire: Questionnaire, draft: Draft, store: InterviewStore, prompter: Prompter, options: InterviewOptions): Promise<void> {
  const index = indexQuestionnaire(questionnaire);
  const sections = index.sections.filter((s) => s.section.questions);
  for (const [i, section] of sections.entries()) {
    prompter.note(`\n── Section ${i + 1}/${sections.length} · ${sectionTitle(section, index.sections)} ──`);
    if (section.section.questions!.some((q) => q.type === 'list' && q.binds === 'roadmap')) await reviewDue(draft, store, prompter, options.period);
    if (draft.mode === 'changed-only' && (await confirmUnchanged(questionnaire, draft, section, prompter, options.period))) {
      await store.saveDraft(draft);
      continue;
    }
    const all = section.section.questions!.filter((q) => q.type !== 'track-record');
    for (;;) {
      // Shown questions depend on the answers so far, so they are worked out again after each one.
      const visible = visibleIn(questionnaire, draft.vendor, section.key, options.period);
      const question = visible.find((q) => !draft.visited.includes(q.id));
      if (!question) break;
      const position = `${all.findIndex((q) => q.id === question.id) + 1}/${all.length}`;
      const overall = progress(questionnaire, draft, sections, options.period);
      if (question.type === 'list' && question.binds === 'claims') {
        prompter.note(`[${overall}] (${position}) ${terminalText(question.text)}`);
        draft.vendor.claims = await askClaims(draft.vendor.claims ?? [], options.today, index, prompter, async (claims) => {
          draft.vendor.claims = claims;
          await store.saveDraft(draft);
        });
      } else if (question.type === 'list' && question.binds === 'roadmap') {
        prompter.note(`[${overall}] (${position}) ${terminalText(question.text)}`);
        draft.vendor.roadmap = await addCommitments(draft.vendor.roadmap ?? [], options.period, prompter, async (roadmap) => {
          draft.vendor.roadmap = roadmap;
          await store.saveDraft(draft);
        });
      } else {
        setAnswer(draft.vendor, question.id, await askAnswer(question, own(draft.vendor.answers, question.id), { prompter, position, overall, today: options.today }));
      }
      draft.visited.push(question.id);
      await store.saveDraft(draft);
    }
  }
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

async function confirmUnchanged(questionnaire: Questionnaire, draft: Draft, section: IndexedSection, prompter: Prompter, period: string): Promise<boolean> {
  if (draft.unchanged.includes(section.section.id)) return true;
  const visible = visibleIn(questionnaire, draft.vendor, section.key, period);
  const pending = visible.filter((q) => !draft.visited.includes(q.id));
  if (pending.length === 0) return false;
  const answered = pending.filter((q) => own(draft.vendor.answers, q.id) !== undefined || (q.type === 'list' && q.binds && draft.vendor[q.binds] !== undefined));
  if (answered.length === 0) return false;
  prompter.note(
    pending
      .map((q) => {
        const answer = own(draft.vendor.answers, q.id);
        const shown =
          q.type === 'list' && q.binds ? `${(draft.vendor[q.binds] ?? []).length} recorded`
          : answer === undefined ? 'not asked yet'
          : answer.notApplicable !== undefined ? 'not applicable'
          : answer.declined !== undefined ? `declined: ${answer.declined}`
          : formatAnswer(q, answer.value!);
        // Answers from the vendor file, one line each in the summary.
        return `  ${q.id}: ${terminalText(shown)}${answer?.evidence ? ' (evidence)' : ''}`;
      })
      .join('\n'),
  );
  const unchanged = await prompter.confirm('Nothing changed in this section?', { default: true });
  if (unchanged) {
    draft.visited.push(...pending.map((q) => q.id));
    draft.unchanged.push(section.section.id);
  }
  return unchanged;
}

/**
 * Questions of a section shown for the answers given so far (conditions read earlier answers).
 * One that depends on an answer left for later waits until that answer is given.
 */
function visibleIn(questionnaire: Questionnaire, vendor: Vendor, sectionKey: string, period: string) {
  const index = indexQuestionnaire(questionnaire);
  const hidden = new Set(scoreVendor(questionnaire, vendor, { period }).questions.filter((q) => q.state === 'hidden' || q.pending).map((q) => q.id));
  return index.questions.filter((q) => q.sectionPath.join('/') === sectionKey && !hidden.has(q.question.id) && q.question.type !== 'track-record').map((q) => q.question);
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
function progress(questionnaire: Questionnaire, draft: Draft, sections: readonly IndexedSection[], period: string): string {
  let total = 0;
  let done = 0;
  for (const section of sections) {
    const shown = visibleIn(questionnaire, draft.vendor, section.key, period);
    total += shown.length;
    done += draft.unchanged.includes(section.section.id) ? shown.length : shown.filter((q) => draft.visited.includes(q.id)).length;
  }
  const minutes = Math.max(1, Math.round((total - done) * MINUTES_A_QUESTION));
  return `question ${Math.min(done + 1, total)} of ${total}, about ${minutes} min left`;
}

function sectionTitle(section: IndexedSection, all: readonly IndexedSection[]): string {
  return section.path.map((_, i) => all.find((s) => s.key === section.path.slice(0, i + 1).join('/'))!.section.title).map(terminalText).join(' › ');
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
