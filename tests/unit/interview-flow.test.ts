import { describe, expect, test } from 'vitest';
import type { Draft } from '../../src/core/interview/draft.js';
import { parseDateAnswer, parseHumanNumber, parseQuarterAnswer, suggestSlug } from '../../src/core/interview/parse-answer.js';
import { conductInterview } from '../../src/interview/conduct-interview.js';
import { NEW_VENDOR } from '../../src/interview/ask-profile.js';
import { InterviewCancelled } from '../../src/interview/prompter.js';
import { vendor } from '../helpers/build.js';
import { interviewOptions, interviewQuestionnaire, memoryStore } from '../helpers/interview-store.js';
import { CANCEL, DEFAULT, newVendorSteps, scriptedPrompter } from '../helpers/scripted-prompter.js';

const q = interviewQuestionnaire;
const options = interviewOptions;

describe('a new vendor, from scratch', () => {
  test('every question type, a condition, evidence, a claim with what it asserts, a decline and not applicable', async () => {
    const prompter = scriptedPrompter([
      [/Which vendor/, 'A new vendor…'],
      [/Vendor name/, 'Brightwave Analytics'],
      [/Vendor id/, DEFAULT],
      [/Product/, ''],
      [/Martech category/, 'crm'],
      [/Annual spend in EUR/, '84k'],
      [/renewal date/, '2027-03-31'],
      [/Owner/, ''],
      [/interviewer/, 'Claire Martin'],
      [/Who answers for the vendor/, 'Sam Lee'],
      [/role/, 'CTO'],
      [/Anyone else/, false],
      [/Add a claim/, 'add'],
      [/word for word/, 'Our AI personalises every page.'],
      [/Where it was made/, 'https://brightwave.example'],
      [/When it was made/, DEFAULT],
      [/What does it assert/, 'trains = yes'],
      [/What does it assert/, 'records >= 1 million'],
      [/What does it assert/, ''],
      [/Add another/, 'done'],
      [/\(2\/5\) Does it train models/, true],
      [/\(3\/5\) How many records\? \(records\)/, '40 million'],
      [/Evidence.*required/, 'https://brightwave.example/data-sheet.pdf'],
      [/Date the document bears/, '2026-09-01'],
      [/\(4\/5\) Where does the model come from/, 'own'],
      [/Evidence, a URL or document \(Enter for none;/, ''],
      [/\(5\/5\) Which sources/, ['first-party', 'licensed']],
      [/\(1\/5\) What does the AI do better/, '?'],
      [/\(1\/5\) What does the AI do better/, 'Predicts churn 60 days ahead'],
      [/\(2\/5\) Last trained/, '2026 q3'],
      [/\(3\/5\) Date of the last audit/, '-'],
      [/What did the vendor say/, 'no audit report to share yet'],
      [/\(4\/5\) EU AI Act class/, 'Not applicable (say why)'],
      [/Why does it not apply/, 'The product is not sold in the EU.'],
      [/Add a roadmap commitment/, 'add'],
      [/What was promised/, 'Next-best-offer model'],
      [/short id/, DEFAULT],
      [/Promised in which quarter/, DEFAULT],
      [/Due in which quarter/, '2027-Q2'],
      [/Add a new roadmap commitment/, 'done'],
      [/review the answers/, DEFAULT],
    ]);
    const store = memoryStore();
    const draft = await conductInterview(q, store, prompter, options);
    expect(prompter.remaining()).toBe(0);
    expect(draft.vendor).toEqual({
      schema: 'aiclaim/vendor@1',
      id: 'brightwave-analytics',
      name: 'Brightwave Analytics',
      category: 'crm',
      spend: { amount: 84000, currency: 'EUR' },
      renewal: '2027-03-31',
      interview: { date: '2026-11-22', interviewer: 'Claire Martin', respondents: [{ name: 'Sam Lee', role: 'CTO' }] },
      claims: [
        {
          text: 'Our AI personalises every page.',
          source: 'https://brightwave.example',
          date: '2026-11-22',
          asserts: [
            { question: 'trains', equals: true },
            { question: 'records', gte: 1000000 },
          ],
        },
      ],
      roadmap: [{ id: 'next-best-offer-model', title: 'Next-best-offer model', promised: '2026-Q4', due: '2027-Q2', status: 'planned' }],
      answers: {
        trains: { value: true },
        records: { value: 40000000, evidence: { ref: 'https://brightwave.example/data-sheet.pdf', date: '2026-09-01' } },
        origin: { value: 'own' },
        sources: { value: ['first-party', 'licensed'] },
        advantage: { value: 'Predicts churn 60 days ahead' },
        'trained-on': { value: '2026-Q3' },
        'audit-date': { declined: 'no audit report to share yet' },
        eu: { notApplicable: 'The product is not sold in the EU.' },
      },
    });
    expect(prompter.notes).toContain('A capability, not an adjective.');
    // The help of a choice question travels with its choices.
    expect(prompter.asked.find((a) => /Does it train/.test(a.message))!.choices![0]!.description).toBe('Prompting is not training.');
    // A draft after every answer, each one holding what was typed so far.
    expect(store.saved.length).toBeGreaterThanOrEqual(11);
    expect(store.saved.at(-1)!.visited).toEqual(['claims', 'trains', 'records', 'origin', 'sources', 'advantage', 'trained-on', 'audit-date', 'eu', 'roadmap']);
  });

  test('a question whose condition does not hold is not asked; one left for later stays not asked', async () => {
    const prompter = scriptedPrompter([
      ...newVendorSteps('Acme'),
      [/Add a claim/, 'done'],
      [/Does it train/, false],
      [/Where does the model come from/, 'Not asked yet: come back to it later'],
      [/Which sources/, []],
      [/What does the AI do better/, 'later'],
      [/Last trained/, 'later'],
      [/Date of the last audit/, 'LATER'],
      [/EU AI Act/, 'Not asked yet: come back to it later'],
      [/Add a roadmap commitment/, 'done'],
      [/review the answers/, DEFAULT],
    ]);
    const draft = await conductInterview(q, memoryStore(), prompter, { ...options, id: 'acme' });
    expect(prompter.asked.some((a) => /How many records/.test(a.message))).toBe(false);
    expect(draft.vendor.answers).toEqual({ trains: { value: false } });
  });

  test('typed text longer than the file may hold is refused at the prompt, never saved to be refused on the next read', async () => {
    const long = 'N'.repeat(201);
    const prompter = scriptedPrompter([[/Vendor name/, long]]);
    await expect(conductInterview(q, memoryStore(), prompter, { ...options, id: 'acme' })).rejects.toThrow(
      /the prompt would refuse "N+": that is 201 characters; at most 200 fit here/,
    );
    const claim = scriptedPrompter([...newVendorSteps('Acme'), [/Add a claim/, 'add'], [/word for word/, 'c'.repeat(2_001)]]);
    await expect(conductInterview(q, memoryStore(), claim, { ...options, id: 'acme' })).rejects.toThrow(/that is 2,001 characters; at most 2,000 fit here/);
    const spend = scriptedPrompter([
      [/Vendor name/, 'Acme'],
      [/Product/, ''],
      [/category/, 'crm'],
      [/spend/, '1.7e308'],
    ]);
    await expect(conductInterview(q, memoryStore(), spend, { ...options, id: 'acme' })).rejects.toThrow(/at most 1,000,000,000,000|type an amount/);
  });

  test('a question that depends on one left for later waits for it', async () => {
    const prompter = scriptedPrompter([
      ...newVendorSteps('Acme'),
      [/Add a claim/, 'done'],
      [/Does it train/, 'Not asked yet: come back to it later'],
      [/Where does the model come from/, 'The vendor will not say (declined)'],
      [/What did the vendor say/, 'will not name its provider'],
      [/Which sources/, []],
      [/What does the AI do better/, 'later'],
      [/Last trained/, 'later'],
      [/Date of the last audit/, 'later'],
      [/EU AI Act/, 'minimal'],
      [/Add a roadmap commitment/, 'done'],
      [/review the answers/, DEFAULT],
    ]);
    const draft = await conductInterview(q, memoryStore(), prompter, { ...options, id: 'acme' });
    // "How many records" is asked only when the vendor trains models: not known yet, so not asked.
    expect(prompter.asked.some((a) => /How many records/.test(a.message))).toBe(false);
    expect(draft.vendor.answers).toEqual({ origin: { declined: 'will not name its provider' }, eu: { value: 'minimal' } });
  });
});

describe('a re-interview', () => {
  const existing = vendor({
    id: 'acme',
    name: 'Acme',
    interview: { date: '2026-08-01', interviewer: 'Claire', respondents: [{ name: 'Sam', role: 'CTO' }] },
    claims: [{ text: 'AI everywhere.' }],
    roadmap: [
      { id: 'due-now', title: 'Due now', due: '2026-Q3', status: 'planned' },
      { id: 'slipped-again', title: 'Slipped before', due: '2026-Q2', status: 'slipped', revisedDue: '2026-Q4' },
      { id: 'later', title: 'Later', due: '2027-Q2', status: 'planned' },
    ],
    answers: {
      trains: { value: true },
      records: { value: 2000000, evidence: 'sheet.pdf', date: '2026-08-01' },
      origin: { value: 'api' },
      sources: { value: ['licensed'] },
      advantage: { value: 'Faster' },
      'audit-date': { declined: 'the auditor has not signed off' },
      eu: { notApplicable: 'Not sold in the EU at all.' },
    },
  });

  test('offers every previous answer as the default, and keeps what is not re-asked', async () => {
    const prompter = scriptedPrompter([
      [/How do you want to go through it/, 'full'],
      [/interviewer/, DEFAULT],
      [/Same people/, true],
      [/1 claim recorded\. Add another/, 'done'],
      [/Does it train/, DEFAULT],
      [/How many records/, DEFAULT],
      [/Evidence/, DEFAULT],
      [/Where does the model come from/, 'own'],
      [/Evidence/, ''],
      [/Which sources/, DEFAULT],
      [/"Due now" was due 2026-Q3/, 'delivered'],
      [/Delivered in which quarter/, '2026-Q3'],
      [/"Slipped before" was due 2026-Q4 \(first due 2026-Q2\)/, 'slipped'],
      [/Now promised for which quarter/, '2027-Q1'],
      [/What does the AI do better/, DEFAULT],
      [/Last trained/, 'later'],
      [/audit/, DEFAULT],
      [/What did the vendor say/, DEFAULT],
      [/EU AI Act/, DEFAULT],
      [/Why does it not apply/, DEFAULT],
      [/Add a new roadmap commitment/, 'done'],
      [/review the answers/, DEFAULT],
    ]);
    const draft = await conductInterview(q, memoryStore([existing]), prompter, { ...options, id: 'acme' });
    const defaults = Object.fromEntries(
      prompter.asked.map((a) => [
        a.message
          .replace(/^\[question \d+ of \d+, about \d+ min left\] /, '')
          .replace(/^\(\d+\/\d+\) /, '')
          .slice(0, 24),
        a.default,
      ]),
    );
    expect(defaults).toMatchObject({
      'Does it train models?': true,
      'How many records? (recor': '2000000',
      'Where does the model com': 'api',
      'Which sources? (space to': ['licensed'],
      'What does the AI do bett': 'Faster',
      'Your name (the interview': 'Claire',
    });
    expect(draft.vendor.answers.records).toEqual({ value: 2000000, evidence: 'sheet.pdf', date: '2026-08-01' });
    expect(draft.vendor.answers.origin).toEqual({ value: 'own' });
    expect(draft.vendor.answers.eu).toEqual({ notApplicable: 'Not sold in the EU at all.' });
    // A decline comes back as the default, with what the vendor said.
    expect(defaults['Date of the last audit? ']).toBe('-');
    expect(draft.vendor.answers['audit-date']).toEqual({ declined: 'the auditor has not signed off' });
    expect(draft.vendor.roadmap).toEqual([
      { id: 'due-now', title: 'Due now', due: '2026-Q3', status: 'delivered', deliveredIn: '2026-Q3' },
      { id: 'slipped-again', title: 'Slipped before', due: '2026-Q2', status: 'slipped', revisedDue: '2027-Q1' },
      { id: 'later', title: 'Later', due: '2027-Q2', status: 'planned' },
    ]);
    expect(draft.vendor.interview).toEqual({ date: '2026-11-22', interviewer: 'Claire', respondents: [{ name: 'Sam', role: 'CTO' }] });
  });

  test('--changed-only: an unchanged section is one keystroke; due commitments are still asked one by one', async () => {
    const prompter = scriptedPrompter([
      [/interviewer/, DEFAULT],
      [/Same people/, true],
      [/Nothing changed in this section/, true],
      [/"Due now" was due 2026-Q3/, 'dropped'],
      [/"Slipped before" was due 2026-Q4/, 'on-track'],
      [/Nothing changed in this section/, true],
      [/review the answers/, DEFAULT],
    ]);
    const draft = await conductInterview(q, memoryStore([existing]), prompter, { ...options, id: 'acme', changedOnly: true });
    expect(prompter.remaining()).toBe(0);
    expect(prompter.asked).toHaveLength(7);
    expect(draft.vendor.answers).toEqual(existing.answers);
    expect(draft.vendor.roadmap!.map((c) => c.status)).toEqual(['dropped', 'slipped', 'planned']);
  });
});

describe('nothing lost', () => {
  test('Ctrl-C stops the interview and the draft holds every answer given', async () => {
    const store = memoryStore();
    const prompter = scriptedPrompter([...newVendorSteps('Acme'), [/Add a claim/, 'done'], [/Does it train/, true], [/How many records/, CANCEL]]);
    await expect(conductInterview(q, store, prompter, { ...options, id: 'acme' })).rejects.toBeInstanceOf(InterviewCancelled);
    const last = store.saved.at(-1)!;
    expect(last.visited).toEqual(['claims', 'trains']);
    expect(last.vendor.answers).toEqual({ trains: { value: true } });
  });

  test('a resumed draft goes on from the first question not yet answered', async () => {
    const draft: Draft = {
      schema: 'aiclaim/draft@1',
      questionnaire: 'test',
      started: '2026-11-20',
      existing: false,
      mode: 'full',
      visited: ['claims', 'trains', 'records', 'origin', 'sources'],
      unchanged: [],
      reviewed: [],
      added: [],
      vendor: vendor({ id: 'acme', name: 'Acme', answers: { trains: { value: false } } }),
    };
    const prompter = scriptedPrompter([
      [/An unfinished interview of Acme from 2026-11-20 has 1 answer, 5 questions gone through\./, 'Resume it'],
      [/\(1\/5\) What does the AI do better/, 'Faster'],
      [/Last trained/, 'later'],
      [/audit/, 'later'],
      [/EU AI Act/, 'minimal'],
      [/Add a roadmap commitment/, 'done'],
      [/review the answers/, DEFAULT],
    ]);
    const result = await conductInterview(q, memoryStore([], draft), prompter, { ...options, id: 'acme' });
    expect(result.vendor.answers).toEqual({ trains: { value: false }, advantage: { value: 'Faster' }, eu: { value: 'minimal' } });
  });
});

describe('typed answers', () => {
  test.each([
    ['40 million', 40000000],
    ['40M', 40000000],
    ['1,200,000', 1200000],
    ['1.2e6', 1200000],
    ['2.5bn records', 2500000000],
    ['35%', 35],
    ['12 months', 12],
  ])('%s reads as %d', (text, value) => {
    expect(parseHumanNumber(text)).toEqual({ ok: true, value });
  });

  test('what is not a number says how to type one', () => {
    expect(parseHumanNumber('lots')).toEqual({ ok: false, message: 'type a number, e.g. 40000000, 40 million or 40M' });
  });

  test('quarters and vendor ids', () => {
    expect(parseQuarterAnswer('2026 q3')).toEqual({ ok: true, value: '2026-Q3' });
    expect(parseQuarterAnswer('Q3 2026').ok).toBe(false);
    expect(suggestSlug('Brightwave Analytics, Inc.')).toBe('brightwave-analytics-inc');
    expect(suggestSlug('Zürich & Co')).toBe('zurich-and-co');
  });
});

describe('never lost, invented or misfiled', () => {
  test('an unfinished interview is offered first in the picker, and a new vendor cannot take its id', async () => {
    const unfinished: Draft = {
      schema: 'aiclaim/draft@1',
      questionnaire: 'test',
      started: '2026-11-20',
      existing: false,
      mode: 'full',
      visited: ['claims', 'trains'],
      unchanged: [],
      reviewed: [],
      added: [],
      vendor: vendor({ id: 'orbit-data-gmbh', name: 'Orbit Data GmbH', answers: { trains: { value: true } } }),
    };
    const store = memoryStore([], unfinished);
    const prompter = scriptedPrompter([
      [/Which vendor\?/, NEW_VENDOR],
      [/Vendor name/, 'Orbit Data GmbH'],
      [/Vendor id/, DEFAULT],
    ]);
    await expect(conductInterview(q, store, prompter, options)).rejects.toThrow(
      /the prompt would refuse "orbit-data-gmbh": orbit-data-gmbh has an unfinished interview: choose it in the list to resume it, or type another id/,
    );
    const picker = prompter.asked[0]!;
    expect(picker.choices!.map((c) => c.name)[0]).toBe('Resume Orbit Data GmbH (orbit-data-gmbh): unfinished, 1 answer');
    expect(store.saved).toEqual([]);
  });

  test('a draft for another questionnaire is refused, not replaced', async () => {
    const other: Draft = {
      schema: 'aiclaim/draft@1',
      questionnaire: 'other',
      started: '2026-11-20',
      existing: false,
      mode: 'full',
      visited: [],
      unchanged: [],
      reviewed: [],
      added: [],
      vendor: vendor({ id: 'acme', name: 'Acme' }),
    };
    const store = memoryStore([], other);
    await expect(conductInterview(q, store, scriptedPrompter([]), { ...options, id: 'acme' })).rejects.toThrow(
      /the unfinished interview of acme follows questionnaire other, not test/,
    );
    expect(store.saved).toEqual([]);
  });

  test('Ctrl-C after the profile keeps the profile; a list is kept item by item', async () => {
    const store = memoryStore();
    const atInterviewer = scriptedPrompter([
      [/Vendor name/, 'Acme'],
      [/Product/, 'Acme One'],
      [/category/, 'crm'],
      [/spend/, ''],
      [/renewal/, ''],
      [/Owner/, ''],
      [/interviewer/, CANCEL],
    ]);
    await expect(conductInterview(q, store, atInterviewer, { ...options, id: 'acme' })).rejects.toBeInstanceOf(InterviewCancelled);
    expect(store.saved.at(-1)!.vendor).toMatchObject({ id: 'acme', name: 'Acme', product: 'Acme One', category: 'crm' });

    const claims = memoryStore();
    const inSecondClaim = scriptedPrompter([
      ...newVendorSteps('Acme'),
      [/Add a claim/, 'add'],
      [/word for word/, 'First claim.'],
      [/Where it was made/, ''],
      [/When it was made/, DEFAULT],
      [/What does it assert/, ''],
      [/Add another/, 'add'],
      [/word for word/, CANCEL],
    ]);
    await expect(conductInterview(q, claims, inSecondClaim, { ...options, id: 'acme' })).rejects.toBeInstanceOf(InterviewCancelled);
    expect(claims.saved.at(-1)!.vendor.claims).toEqual([{ text: 'First claim.', date: '2026-11-22' }]);
  });

  test('a due commitment stays as it stands unless a status is chosen; one added past due is asked at once', async () => {
    const existing = vendor({
      id: 'acme',
      name: 'Acme',
      interview: { date: '2026-08-01', interviewer: 'Claire', respondents: [{ name: 'Sam' }] },
      roadmap: [{ id: 'due-now', title: 'Due now', due: '2026-Q3', status: 'planned' }],
      answers: { trains: { value: false } },
    });
    const prompter = scriptedPrompter([
      [/How do you want to go through it/, 'full'],
      [/interviewer/, DEFAULT],
      [/Same people/, true],
      [/Add a claim/, 'done'],
      [/Does it train/, DEFAULT],
      [/Where does the model come from/, 'Not asked yet: come back to it later'],
      [/Which sources/, []],
      [/"Due now" was due 2026-Q3\. Where does it stand\?/, DEFAULT],
      [/What does the AI do better/, 'later'],
      [/Last trained/, 'later'],
      [/audit/, 'later'],
      [/EU AI Act/, 'Not asked yet: come back to it later'],
      [/Add a new roadmap commitment/, 'add'],
      [/What was promised/, 'Audit trail'],
      [/short id/, DEFAULT],
      [/Promised in which quarter/, '2026-Q2'],
      [/Due in which quarter/, '2026-Q3'],
      [/"Audit trail" was due 2026-Q3\. Where does it stand\?/, 'slipped'],
      [/Now promised for which quarter/, '2026-Q3'],
    ]);
    // A slip to a quarter already past is refused at the prompt.
    await expect(conductInterview(q, memoryStore([existing]), prompter, { ...options, id: 'acme' })).rejects.toThrow(
      /the prompt would refuse "2026-Q3": must be after 2026-Q3/,
    );
    const review = prompter.asked.find((a) => /"Due now"/.test(a.message))!;
    expect(review.default).toBe('skip');
    expect(review.choices![0]).toMatchObject({ name: 'Unchanged: ask again next time', value: 'skip' });
    const asked = prompter.asked.find((a) => /"Audit trail"/.test(a.message))!;
    expect(asked.choices![0]).toMatchObject({ name: 'Not known yet: ask again next time' });
  });

  test('what is not evidence is refused at the prompt, and so is a document dated after today', async () => {
    for (const typed of ['?', '<', 'https://', 'htp:/ garbage ###', 'javascript:alert(1)']) {
      const prompter = scriptedPrompter([
        ...newVendorSteps('Acme'),
        [/Add a claim/, 'done'],
        [/Does it train/, true],
        [/How many records/, '40 million'],
        [/Evidence/, typed],
      ]);
      await expect(conductInterview(q, memoryStore(), prompter, { ...options, id: 'acme' }), typed).rejects.toThrow(
        /the prompt would refuse .*: (a web address starts http|name the document)/,
      );
    }
    const future = scriptedPrompter([
      ...newVendorSteps('Acme'),
      [/Add a claim/, 'done'],
      [/Does it train/, true],
      [/How many records/, '40 million'],
      [/Evidence/, 'https://acme.example/sheet.pdf'],
      [/Date the document bears/, '2027-01-05'],
    ]);
    await expect(conductInterview(q, memoryStore(), future, { ...options, id: 'acme' })).rejects.toThrow(/2027-01-05 is after today \(2026-11-22\)/);
    const claim = scriptedPrompter([
      ...newVendorSteps('Acme'),
      [/Add a claim/, 'add'],
      [/word for word/, 'AI.'],
      [/Where it was made/, ''],
      [/When it was made/, '2026-12-01'],
    ]);
    await expect(conductInterview(q, memoryStore(), claim, { ...options, id: 'acme' })).rejects.toThrow(/2026-12-01 is after today/);
  });
});

describe('what a prompt says of what was typed', () => {
  test('a date written right but not on the calendar is said to be so', () => {
    expect(parseDateAnswer('2026-02-30')).toEqual({ ok: false, message: '2026-02-30 is not a date on the calendar' });
    expect(parseDateAnswer('30/02/2026')).toEqual({ ok: false, message: 'type a date as YYYY-MM-DD, e.g. 2026-10-14' });
    expect(parseDateAnswer('2026-02-28')).toEqual({ ok: true, value: '2026-02-28' });
  });
});

describe('amounts as the workspace writes them', () => {
  const profile = (spend: string, extra: [RegExp, unknown][] = []): [RegExp, unknown][] => [
    [/Vendor name/, 'Acme'],
    [/Product/, ''],
    [/category/, 'crm'],
    [/spend/, spend],
    ...extra,
    [/renewal/, ''],
    [/Owner/, ''],
    [/interviewer/, CANCEL],
  ];

  test('48.000 in a EUR workspace is forty-eight thousand', async () => {
    const store = memoryStore();
    await expect(conductInterview(q, store, scriptedPrompter(profile('48.000')), { ...options, id: 'acme' })).rejects.toBeInstanceOf(InterviewCancelled);
    expect(store.saved.at(-1)!.vendor.spend).toEqual({ amount: 48000, currency: 'EUR' });
  });

  test('€48,000 has two readings in a EUR workspace: the interviewer is asked which', async () => {
    const store = memoryStore();
    const prompter = scriptedPrompter(profile('€48,000', [[/"€48,000" can be read two ways/, 48000]]));
    await expect(conductInterview(q, store, prompter, { ...options, id: 'acme' })).rejects.toBeInstanceOf(InterviewCancelled);
    const asked = prompter.asked.find((a) => /can be read two ways/.test(a.message))!;
    expect(asked.choices!.map((c) => c.value)).toEqual([48000, 48]);
    expect(store.saved.at(-1)!.vendor.spend).toEqual({ amount: 48000, currency: 'EUR' });
  });
});

describe('where the interview stands', () => {
  test('every question says which it is of all those shown, with a rough time left; quit at a text prompt saves and stops', async () => {
    const store = memoryStore();
    const prompter = scriptedPrompter([...newVendorSteps('Acme'), [/Add a claim/, 'done'], [/Does it train/, true], [/How many records/, 'quit']]);
    await expect(conductInterview(q, store, prompter, { ...options, id: 'acme' })).rejects.toBeInstanceOf(InterviewCancelled);
    expect(prompter.notes.find((n) => /Record the claims/.test(n))).toMatch(/^\[question 1 of \d+, about \d+ min left\] \(1\/\d+\) Record the claims\./);
    const counted = prompter.asked.map((a) => /^\[question (\d+) of (\d+), about (\d+) min left\]/.exec(a.message)).filter((m) => m !== null);
    expect(counted.map((m) => Number(m![1]))).toEqual([2, 3]);
    // Once it trains, the questions that depend on it are shown too: the total grows with them.
    expect(Number(counted[1]![2])).toBeGreaterThan(Number(counted[0]![2]));
    expect(prompter.asked.at(-1)!.message).toMatch(/; note, back, quit\]$/);
    expect(store.saved.at(-1)!.vendor.answers).toEqual({ trains: { value: true } });
  });
});
