import { describe, expect, test } from 'vitest';
import type { Draft } from '../../src/core/interview/draft.js';
import { conductInterview } from '../../src/interview/conduct-interview.js';
import { InterviewCancelled } from '../../src/interview/prompter.js';
import { questionnaire, vendor } from '../helpers/build.js';
import { interviewOptions as options, interviewQuestionnaire as q, memoryStore } from '../helpers/interview-store.js';
import { CANCEL, DEFAULT, newVendorSteps, scriptedPrompter } from '../helpers/scripted-prompter.js';

// Going back, reviewing before writing, editing the lists, notes and who answered, stopping on purpose.

const BACK = '← Back to the previous question';
const QUIT = 'Save and stop (resume later)';

describe('back to the previous question', () => {
  test('at a list, at a text prompt and from the evidence: the previous question again, its answer the default', async () => {
    const prompter = scriptedPrompter([
      ...newVendorSteps('Acme'),
      [/Add a claim/, 'done'],
      [/Does it train/, true],
      [/How many records/, '40 million'],
      [/Evidence/, 'back'],
      // From the evidence: the same question, with what was typed.
      [/How many records/, DEFAULT],
      [/Evidence/, ''],
      [/Where does the model come from/, BACK],
      [/How many records/, '50 million'],
      [/Evidence/, ''],
      [/Where does the model come from/, 'own'],
      [/Evidence/, ''],
      [/Which sources/, ['licensed']],
      // Back across a section: the last question of the one before.
      [/What does the AI do better/, 'back'],
      [/Which sources/, ['first-party']],
      [/What does the AI do better/, 'later'],
      [/Last trained/, 'later'],
      [/audit/, 'later'],
      [/EU AI Act/, 'Not asked yet: come back to it later'],
      [/Add a roadmap commitment/, 'done'],
      [/review the answers/, DEFAULT],
    ]);
    const draft = await conductInterview(q, memoryStore(), prompter, { ...options, id: 'acme' });
    expect(prompter.remaining()).toBe(0);
    const records = prompter.asked.filter((a) => /How many records/.test(a.message));
    expect(records.map((a) => a.default)).toEqual(['', '40000000', '40000000']);
    expect(draft.vendor.answers).toEqual({
      trains: { value: true },
      records: { value: 50000000 },
      origin: { value: 'own' },
      sources: { value: ['first-party'] },
    });
    expect(draft.visited).toEqual(['claims', 'trains', 'records', 'origin', 'sources', 'advantage', 'trained-on', 'audit-date', 'eu', 'roadmap']);
    // The section is announced again when the way back leads into it.
    expect(prompter.notes.filter((n) => /Section 1\/2/.test(n))).toHaveLength(2);
  });

  test('at the first question there is none before it: said, and the question asked again', async () => {
    const prompter = scriptedPrompter([...newVendorSteps('Acme'), [/Add a claim/, BACK], [/Add a claim/, CANCEL]]);
    await expect(conductInterview(q, memoryStore(), prompter, { ...options, id: 'acme' })).rejects.toBeInstanceOf(InterviewCancelled);
    expect(prompter.notes).toContain('This is the first question: there is none before it.');
  });
});

describe('save and stop', () => {
  test('chosen at a list prompt: the draft is kept, the stop is on purpose; a multiple choice offers it too', async () => {
    for (const [where, reply] of [
      [/Does it train/, QUIT],
      [/Add a claim/, QUIT],
    ] as const) {
      const store = memoryStore();
      const prompter = scriptedPrompter([
        ...newVendorSteps('Acme'),
        ...(where.source === 'Add a claim' ? [] : ([[/Add a claim/, 'done']] as [RegExp, unknown][])),
        [where, reply],
      ]);
      const stopped = await conductInterview(q, store, prompter, { ...options, id: 'acme' }).catch((error: unknown) => error);
      expect(stopped).toBeInstanceOf(InterviewCancelled);
      expect((stopped as InterviewCancelled).how).toBe('quit');
      expect(store.saved.at(-1)!.vendor.interview).toMatchObject({ interviewer: 'Me' });
    }
    const prompter = scriptedPrompter([
      ...newVendorSteps('Acme'),
      [/Add a claim/, 'done'],
      [/Does it train/, false],
      [/Where does the model come from/, 'own'],
      [/Evidence/, ''],
      [/Which sources/, CANCEL],
    ]);
    const multi = prompter.asked;
    await conductInterview(q, memoryStore(), prompter, { ...options, id: 'acme' }).catch(() => undefined);
    expect(multi.at(-1)!.choices!.map((c) => c.name)).toEqual(['First party', 'Licensed', 'The vendor will not say (declined)', 'Add a note…', BACK, QUIT]);
  });
});

describe('review before writing', () => {
  /** Every question gone through once, ending at the review. */
  const FIRST_PASS: [RegExp, unknown][] = [
    ...newVendorSteps('Acme'),
    [/Add a claim/, 'done'],
    [/Does it train/, false],
    [/Where does the model come from/, 'api'],
    [/Evidence/, ''],
    [/Which sources/, ['licensed']],
    [/What does the AI do better/, 'later'],
    [/Last trained/, '2026-Q2'],
    [/audit/, '-'],
    [/What did the vendor say/, 'no report to share'],
    [/EU AI Act/, 'Minimal'],
    [/Add a roadmap commitment/, 'done'],
  ];

  test('every answer by section, any of them asked again; then the file is written', async () => {
    const prompter = scriptedPrompter([
      ...FIRST_PASS,
      [/review the answers/, 'basics'],
      [/Basics: choose an answer to change/, 'origin'],
      [/Where does the model come from/, 'own'],
      [/Evidence/, 'https://acme.example/model-card'],
      [/Date the document bears/, ''],
      [/Basics: choose an answer to change/, DEFAULT],
      [/review the answers/, DEFAULT],
    ]);
    const draft = await conductInterview(q, memoryStore(), prompter, { ...options, id: 'acme' });
    expect(prompter.remaining()).toBe(0);
    expect(draft.vendor.answers.origin).toEqual({ value: 'own', evidence: 'https://acme.example/model-card' });
    const review = prompter.asked.find((a) => /review the answers/.test(a.message))!;
    expect(review.default).toEqual(review.choices![0]!.value);
    expect(review.choices!.map((c) => c.name)).toEqual([
      'Write vendors/acme.yaml',
      'Basics: 4 answered',
      'More: 3 answered, 1 declined, 1 not asked yet',
      QUIT,
    ]);
    const section = prompter.asked.find((a) => /Basics: choose/.test(a.message))!;
    expect(section.choices!.map((c) => c.name)).toContain('Where does the model come from? — API');
  });

  test('a question an answer changed in the review shows is asked before the file is written', async () => {
    const prompter = scriptedPrompter([
      ...FIRST_PASS,
      [/review the answers/, 'basics'],
      [/Basics: choose an answer to change/, 'trains'],
      [/Does it train/, true],
      [/Basics: choose an answer to change/, DEFAULT],
      [/review the answers/, DEFAULT],
      [/How many records/, '2 million'],
      [/Evidence/, 'none'],
      [/review the answers/, DEFAULT],
    ]);
    const draft = await conductInterview(q, memoryStore(), prompter, { ...options, id: 'acme' });
    expect(prompter.remaining()).toBe(0);
    expect(prompter.notes).toContain('1 question is shown now by an answer changed in the review: asked before the file is written.');
    expect(draft.vendor.answers).toMatchObject({ trains: { value: true }, records: { value: 2000000 } });
  });
});

describe('claims and roadmap: changed and deleted, not only added', () => {
  const existing = vendor({
    id: 'acme',
    name: 'Acme',
    interview: { date: '2026-08-01', interviewer: 'Claire', respondents: [{ name: 'Sam' }] },
    claims: [
      { text: 'Our AI writes every email.', date: '2026-07-01' },
      { text: 'Fully autonomous.', date: '2026-07-01' },
    ],
    roadmap: [{ id: 'on-record', title: 'On record', promised: '2026-Q2', due: '2027-Q2', status: 'planned' }],
    answers: { trains: { value: false } },
  });
  const reInterview = (claims: [RegExp, unknown][], roadmap: [RegExp, unknown][]) =>
    scriptedPrompter([
      [/How do you want to go through it/, 'full'],
      [/interviewer/, DEFAULT],
      [/Same people/, true],
      ...claims,
      [/Does it train/, DEFAULT],
      [/Where does the model come from/, 'Not asked yet: come back to it later'],
      [/Which sources/, []],
      [/What does the AI do better/, 'later'],
      [/Last trained/, 'later'],
      [/audit/, 'later'],
      [/EU AI Act/, 'Not asked yet: come back to it later'],
      ...roadmap,
      [/review the answers/, DEFAULT],
    ]);

  test('a claim changed and another deleted', async () => {
    const prompter = reInterview(
      [
        [/2 claims recorded/, 0],
        [/Claim 1:/, 'change'],
        [/word for word/, 'Our AI drafts every email.'],
        [/Where it was made/, 'https://acme.example/email'],
        [/When it was made/, DEFAULT],
        [/What does it assert/, 'trains = yes'],
        [/What does it assert/, ''],
        [/2 claims recorded/, 1],
        [/Claim 2:/, 'delete'],
        [/Delete claim 2\?/, true],
        [/1 claim recorded/, 'done'],
      ],
      [[/1 roadmap commitment recorded/, 'done']],
    );
    const draft = await conductInterview(q, memoryStore([existing]), prompter, { ...options, id: 'acme' });
    expect(prompter.remaining()).toBe(0);
    expect(draft.vendor.claims).toEqual([
      { text: 'Our AI drafts every email.', source: 'https://acme.example/email', date: '2026-07-01', asserts: [{ question: 'trains', equals: true }] },
    ]);
  });

  test('a commitment on record is changed or marked, never removed; one added by mistake can be', async () => {
    const prompter = reInterview(
      [[/2 claims recorded/, 'done']],
      [
        [/1 roadmap commitment recorded/, 0],
        [/on-record: On record \(on record: to take it back, record it dropped\)/, 'change'],
        [/What was promised/, DEFAULT],
        [/Promised in which quarter/, DEFAULT],
        [/Due in which quarter/, '2027-Q3'],
        [/1 roadmap commitment recorded/, 'add'],
        [/What was promised/, 'Typo'],
        [/short id/, DEFAULT],
        [/Promised in which quarter/, DEFAULT],
        [/Due in which quarter/, DEFAULT],
        [/2 roadmap commitments recorded/, 1],
        [/typo: Typo/, 'remove'],
        [/Remove typo\?/, true],
        [/1 roadmap commitment recorded/, 'done'],
      ],
    );
    const draft = await conductInterview(q, memoryStore([existing]), prompter, { ...options, id: 'acme' });
    expect(prompter.remaining()).toBe(0);
    expect(draft.vendor.roadmap).toEqual([{ id: 'on-record', title: 'On record', promised: '2026-Q2', due: '2027-Q3', status: 'planned' }]);
    const onRecord = prompter.asked.find((a) => /on-record: On record/.test(a.message))!;
    expect(onRecord.choices!.map((c) => c.value)).toEqual(['keep', 'change', 'status']);
  });
});

describe('notes, and who answered', () => {
  test('a note kept with the answer; with several respondents each answer records who gave it', async () => {
    const store = memoryStore();
    const prompter = scriptedPrompter([
      [/Vendor name/, 'Acme'],
      [/Product/, ''],
      [/category/, 'crm'],
      [/spend/, ''],
      [/renewal/, ''],
      [/Owner/, ''],
      [/interviewer/, 'Me'],
      [/Who answers/, 'Sam Lee'],
      [/role/, 'CTO'],
      [/Anyone else/, true],
      [/Who answers/, 'Ana Ruiz'],
      [/role/, 'Data lead'],
      [/Anyone else/, false],
      [/Who answers first/, 'Sam Lee'],
      [/Add a claim/, 'done'],
      [/Does it train/, 'Add a note, or say who answered…'],
      [/A note for this answer/, 'Said on the call; the data team confirms later'],
      [/Who gave this answer/, 'Ana Ruiz'],
      [/Does it train/, true],
      [/How many records/, 'note'],
      [/A note for this answer/, ''],
      [/Who gave this answer/, 'Sam Lee'],
      [/How many records/, '2 million'],
      [/Evidence/, CANCEL],
    ]);
    await expect(conductInterview(q, store, prompter, { ...options, id: 'acme' })).rejects.toBeInstanceOf(InterviewCancelled);
    const saved = store.saved.at(-1)!;
    expect(saved.vendor.answers.trains).toEqual({ value: true, note: 'Said on the call; the data team confirms later', by: 'Ana Ruiz' });
    // Ctrl-C at the evidence prompt: the value chosen is kept.
    expect(saved.vendor.answers.records).toEqual({ value: 2000000, by: 'Sam Lee' });
    expect(saved.answering).toBe('Sam Lee');
  });
});

describe('what is offered follows who answers', () => {
  const teamQ = questionnaire({
    sections: [
      {
        id: 'viability',
        title: 'Viability',
        questions: [
          {
            id: 'funding',
            text: 'How is it funded?',
            type: 'choice',
            evidence: 'none',
            options: [
              { value: 'profitable', label: 'Profitable', points: 3 },
              { value: 'undisclosed', label: 'Will not say', points: 0, declines: true },
            ],
          },
        ],
      },
      {
        id: 'value',
        title: 'Cost and value',
        askedOf: 'team',
        questions: [
          { id: 'kpi', text: 'Have you defined the KPI?', type: 'boolean', points: 2, evidence: 'none' },
          { id: 'uplift', text: 'What change have you measured?', type: 'number', unit: '%', evidence: 'none' },
        ],
      },
      {
        id: 'certs',
        title: 'Certificates',
        questions: [
          {
            id: 'certifications',
            text: 'Which certifications?',
            type: 'multi',
            evidence: 'none',
            options: [
              { value: 'iso-42001', label: 'ISO/IEC 42001', points: 3 },
              { value: 'none', label: 'None', points: 0, exclusive: true },
            ],
          },
          { id: 'trained', text: 'Last trained?', type: 'quarter', evidence: 'none', past: true },
        ],
      },
    ],
  });

  test('"will not say" once on funding, never on the team\'s own questions; impossible answers refused at the prompt', async () => {
    const prompter = scriptedPrompter([
      ...newVendorSteps('Acme'),
      [/How is it funded/, 'undisclosed'],
      [/Have you defined the KPI/, true],
      [/What change have you measured/, '5'],
      [/Which certifications/, ['iso-42001', 'none']],
      [/Which certifications/, ['none']],
      [/Last trained/, '2027-Q1'],
    ]);
    await expect(conductInterview(teamQ, memoryStore(), prompter, { ...options, id: 'acme' })).rejects.toThrow(
      /the prompt would refuse "2027-Q1": 2027-Q1 is after this quarter \(2026-Q4\)/,
    );
    const names = (re: RegExp) => prompter.asked.find((a) => re.test(a.message))!.choices!.map((c) => c.name);
    expect(names(/How is it funded/).filter((n) => /will not say/i.test(n))).toEqual(['Will not say']);
    expect(names(/defined the KPI/).some((n) => /will not say/i.test(n))).toBe(false);
    expect(names(/defined the KPI/)).toContain('Not known yet: come back to it later');
    expect(prompter.asked.find((a) => /What change have you measured/.test(a.message))!.message).not.toMatch(/ - if the vendor will not say/);
    expect(prompter.notes).toContain('"None" cannot be ticked with other options: untick it, or untick ISO/IEC 42001');
    // Asked again with the ticks kept.
    expect(prompter.asked.filter((a) => /Which certifications/.test(a.message))[1]!.default).toEqual(['iso-42001', 'none']);
  });
});

describe('where a resumed interview picks up', () => {
  test('no header for a section gone through already; evidence dated after the claim is said not to count', async () => {
    const draft: Draft = {
      schema: 'aiclaim/draft@1',
      questionnaire: 'test',
      started: '2026-11-20',
      existing: true,
      mode: 'full',
      visited: ['claims', 'trains', 'records', 'origin', 'sources'],
      unchanged: [],
      reviewed: [],
      added: [],
      vendor: vendor({
        id: 'acme',
        name: 'Acme',
        interview: { date: '2026-11-22', interviewer: 'Me', respondents: [{ name: 'Sam' }] },
        answers: { advantage: { value: 'Predicts churn', date: '2026-03-01' } },
      }),
    };
    const prompter = scriptedPrompter([
      [/unfinished interview/, true],
      [/What does the AI do better/, DEFAULT],
      [/Evidence/, 'Churn study, section 2'],
      [/Date the document bears/, '2026-06-30'],
      [/Last trained/, CANCEL],
    ]);
    const q2 = questionnaire({
      ...q,
      sections: q.sections.map((s) =>
        s.id === 'more' ? { ...s, questions: s.questions!.map((x) => (x.id === 'advantage' ? { ...x, evidence: 'optional' as const } : x)) } : s,
      ),
    });
    await expect(conductInterview(q2, memoryStore([], draft), prompter, { ...options, id: 'acme' })).rejects.toBeInstanceOf(InterviewCancelled);
    expect(prompter.notes.some((n) => /Section 1\/2/.test(n))).toBe(false);
    expect(prompter.notes.some((n) => /Section 2\/2/.test(n))).toBe(true);
    expect(prompter.notes).toContain(
      'Dated 2026-06-30, after the claim it should back (2026-03-01): this evidence will not count for the answer. Evidence that existed when the claim was made does.',
    );
  });
});
