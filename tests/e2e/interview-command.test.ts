import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { interview } from '../../src/commands/interview.js';
import { NEW_VENDOR } from '../../src/interview/ask-profile.js';
import type { Context } from '../../src/shell/context.js';
import { REPO, run, tempDir } from '../helpers/run-cli.js';
import { DEFAULT, scriptedPrompter } from '../helpers/scripted-prompter.js';

// The interview command around the conversation: files read and written, the score card, --answers, --period.

function testContext(cwd: string, today = '2026-11-22'): Context & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string) => out.push(s), isTTY: false },
    stderr: { write: (s: string) => err.push(s), isTTY: false },
    now: () => new Date(`${today}T12:00:00Z`),
    stdinIsTTY: false,
    out,
    err,
  };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function workspace(): string {
  const temp = tempDir();
  cleanup = temp.remove;
  mkdirSync(join(temp.dir, 'vendors'));
  mkdirSync(join(temp.dir, 'questionnaires'));
  copyFileSync(join(REPO, 'tests', 'fixtures', 'quick.yaml'), join(temp.dir, 'questionnaires', 'quick.yaml'));
  writeFileSync(join(temp.dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: quick\n');
  return temp.dir;
}

describe('aiclaim interview', () => {
  test('with no terminal, refuses at once and points at the batch way', async () => {
    const result = await run(['interview', 'acme'], { cwd: workspace() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: interview needs a terminal to ask its questions, and standard input is not one\nhint: for batch use, edit vendors/<id>.yaml and run `aiclaim score`; to start an interview from answers you already have, run it in a terminal with --answers file.yaml\n',
    );
  });

  test('--answers offers a file of answers as the defaults; the card and the snapshot follow', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'vendor-sent.yaml'),
      'schema: aiclaim/vendor@1\nid: acme\nname: Acme\ncategory: crm\nanswers:\n  trains: { value: true }\n  records: { value: 50000, evidence: https://acme.example/sheet }\n  origin: { value: api }\n',
    );
    const prompter = scriptedPrompter([
      [/Vendor name/, 'Acme'],
      [/Product/, ''],
      [/category/, 'crm'],
      [/spend/, '12000'],
      [/renewal/, ''],
      [/Owner/, ''],
      [/interviewer/, 'Claire'],
      [/Who answers/, 'Sam'],
      [/role/, ''],
      [/Anyone else/, false],
      [/Add a claim/, 'add'],
      [/word for word/, 'Our AI knows your customers.'],
      [/Where it was made/, ''],
      [/When it was made/, DEFAULT],
      [/What does it assert/, 'records >= 1 million'],
      [/What does it assert/, ''],
      [/Add another/, 'done'],
      [/Does the vendor train/, DEFAULT],
      [/How many training records/, DEFAULT],
      [/Evidence/, DEFAULT],
      [/Where does the model come from/, DEFAULT],
      [/What does the AI do/, 'later'],
      [/Add a roadmap commitment/, 'done'],
      [/review the answers/, DEFAULT],
    ]);
    const context = testContext(dir);
    expect(await interview({ id: 'acme', answers: 'vendor-sent.yaml', period: '2026-Q4' }, context, prompter)).toBe(0);
    const file = parse(readFileSync(join(dir, 'vendors', 'acme.yaml'), 'utf8'));
    expect(file.answers).toEqual({ trains: { value: true }, records: { value: 50000, evidence: 'https://acme.example/sheet' }, origin: { value: 'api' } });
    const hint = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(join(dir, 'vendors', 'acme.yaml'), 'utf8'));
    expect(existsSync(resolve(dir, 'vendors', hint![1]!))).toBe(true);
    // Substance (weight 2): trains 2/2, 50,000 records 2/6 (evidenced), API origin 1/3 = 5/11.
    // Value: the advantage was left for later (not asked) and the roadmap has no commitment due
    // (it does not apply): nothing there counts, so the score is the substance alone, 45.5. The claim says a million records; 50,000 were
    // shown: a critical finding that names it, and the thin-data flag besides.
    const card = context.out.join('');
    // No terminal: laid out to 80 columns, the long line broken between its parts.
    expect(card).toMatch(
      /^Acme \(acme\)\nLegitimacy 45\.5 · Weak · 5 of 11 points \(sections weighted\)\n {2}decisive 3 of 4 answered \(1 needed\) · answered 80% · evidenced 100%\n/,
    );
    expect(card).toMatch(/CRITICAL AI claims with little data\n\s+because claims\.count = 1; records = 50,000 records/);
    expect(card).toMatch(
      /CRITICAL Claim contradicted by the record: "Our AI knows your customers\."\n\s+because records = 50,000 records \(the vendor's own answer\)/,
    );
    expect(card).toMatch(/Ask the vendor/);
    expect(context.err.join('')).toMatch(/Updated findings\/2026-Q4\.yaml for acme\./);
    const snapshot = parse(readFileSync(join(dir, 'findings', '2026-Q4.yaml'), 'utf8'));
    expect(snapshot.vendors.map((v: { id: string; score: number }) => [v.id, v.score])).toEqual([['acme', 45.5]]);
    expect(file.claims).toEqual([{ text: 'Our AI knows your customers.', date: '2026-11-22', asserts: [{ question: 'records', gte: 1000000 }] }]);
  });

  test('an existing file that does not validate is not overwritten by an interview', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'vendors', 'acme.yaml'), 'schema: aiclaim/vendor@1\nid: acme\nname: Acme\ncategory: crm\nanswers:\n  trains: { value: maybe }\n');
    const context = testContext(dir);
    await expect(interview({ id: 'acme' }, context, scriptedPrompter([]))).rejects.toThrow(/problem/);
    expect(readFileSync(join(dir, 'vendors', 'acme.yaml'), 'utf8')).toMatch(/maybe/);
  });
});

describe('a drafts folder that cannot be written', () => {
  test.each([
    [
      '.aiclaim is a file',
      (dir: string) => writeFileSync(join(dir, '.aiclaim'), 'x'),
      /^\.aiclaim is a file where aiclaim needs a folder \(to hold \.aiclaim\/drafts\)$/,
    ],
    [
      '.aiclaim/drafts is a file',
      (dir: string) => (mkdirSync(join(dir, '.aiclaim')), writeFileSync(join(dir, '.aiclaim', 'drafts'), 'x')),
      /^\.aiclaim\/drafts is a file where aiclaim needs a folder$/,
    ],
  ])('%s: said before the first question, nothing written', async (_, make, message) => {
    const dir = workspace();
    make(dir);
    const asked: string[] = [];
    const prompter = scriptedPrompter([]);
    const watching = new Proxy(prompter, { get: (target, key) => (asked.push(String(key)), Reflect.get(target, key)) });
    const error = await interview({ id: 'acme' }, testContext(dir), watching).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect((error as { exitCode?: number }).exitCode).toBe(2);
    expect(asked).toEqual([]);
    expect(existsSync(join(dir, 'vendors', 'acme.yaml'))).toBe(false);
  });
});

describe('--answers offers the whole file', () => {
  test("a new vendor's profile, its claims and its roadmap are offered, not only its answers", async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'vendor-sent.yaml'),
      [
        'schema: aiclaim/vendor@1',
        'id: acme',
        'name: Acme Analytics',
        'product: Acme One',
        'category: crm',
        'owner: Dana',
        'spend: { amount: 48000, currency: EUR }',
        'renewal: 2027-06-30',
        'claims:',
        '  - { text: "Our AI knows your customers.", date: 2026-10-01 }',
        'roadmap:',
        '  - { id: churn-model, title: Churn model, promised: 2026-Q4, due: 2027-Q2, status: planned }',
        'answers:',
        '  trains: { value: true }',
        '',
      ].join('\n'),
    );
    const prompter = scriptedPrompter([
      [/Vendor name/, DEFAULT],
      [/Product/, DEFAULT],
      [/category/, DEFAULT],
      [/spend/, DEFAULT],
      [/renewal/, DEFAULT],
      [/Owner/, DEFAULT],
      [/interviewer/, 'Claire'],
      [/Who answers/, 'Sam'],
      [/role/, ''],
      [/Anyone else/, false],
      [/1 claim recorded\. Add another/, 'done'],
      [/Does the vendor train/, DEFAULT],
      [/How many training records/, 'later'],
      [/Where does the model come from/, 'Not asked yet: come back to it later'],
      [/What does the AI do/, 'later'],
      [/Add a new roadmap commitment/, 'done'],
      [/review the answers/, DEFAULT],
    ]);
    expect(await interview({ id: 'acme', answers: 'vendor-sent.yaml' }, testContext(dir), prompter)).toBe(0);
    const defaults = Object.fromEntries(prompter.asked.slice(0, 6).map((a) => [a.message.slice(0, 12), a.default]));
    expect(defaults).toEqual({
      'Vendor name': 'Acme Analytics',
      'Product (Ent': 'Acme One',
      'Martech cate': 'crm',
      'Annual spend': '48000',
      'Contract ren': '2027-06-30',
      'Owner on you': 'Dana',
    });
    const file = parse(readFileSync(join(dir, 'vendors', 'acme.yaml'), 'utf8'));
    expect(file).toMatchObject({
      name: 'Acme Analytics',
      product: 'Acme One',
      owner: 'Dana',
      spend: { amount: 48000, currency: 'EUR' },
      renewal: '2027-06-30',
    });
    expect(file.claims).toEqual([{ text: 'Our AI knows your customers.', date: '2026-10-01' }]);
    expect(file.roadmap).toEqual([{ id: 'churn-model', title: 'Churn model', promised: '2026-Q4', due: '2027-Q2', status: 'planned' }]);
    expect(file.answers.trains).toEqual({ value: true });
  });
});

describe('checked before the first question', () => {
  /** A prompter that fails the test if anything at all is asked. */
  const silent = () => scriptedPrompter([]);

  test("a draft holding another vendor's interview is refused, naming both, and that vendor is left as it is", async () => {
    const dir = workspace();
    const other = 'schema: aiclaim/vendor@1\nid: harbor-crm\nname: Harbor CRM\ncategory: crm\nanswers: {}\n';
    writeFileSync(join(dir, 'vendors', 'harbor-crm.yaml'), other);
    mkdirSync(join(dir, '.aiclaim', 'drafts'), { recursive: true });
    writeFileSync(
      join(dir, '.aiclaim', 'drafts', 'tagwise.yaml'),
      'schema: aiclaim/draft@1\nquestionnaire: quick\nstarted: 2026-11-20\nexisting: false\nmode: full\nvisited: []\nunchanged: []\nreviewed: []\nvendor:\n  schema: aiclaim/vendor@1\n  id: harbor-crm\n  name: Harbor CRM\n  category: crm\n  answers: {}\n',
    );
    await expect(interview({ id: 'tagwise' }, testContext(dir), silent())).rejects.toThrow(
      /^\.aiclaim\/drafts\/tagwise\.yaml holds an interview of harbor-crm, not tagwise: resumed, it would be written to vendors\/harbor-crm\.yaml$/,
    );
    expect(readFileSync(join(dir, 'vendors', 'harbor-crm.yaml'), 'utf8')).toBe(other);
  });

  test('a draft that cannot be read is listed with its problem, and its id cannot be taken by a new vendor', async () => {
    const dir = workspace();
    mkdirSync(join(dir, '.aiclaim', 'drafts'), { recursive: true });
    const broken = 'schema: aiclaim/draft@1\nvendor: [not, a, vendor\n';
    writeFileSync(join(dir, '.aiclaim', 'drafts', 'acme.yaml'), broken);
    const prompter = scriptedPrompter([
      [/Which vendor\?/, NEW_VENDOR],
      [/Vendor name/, 'Acme'],
      [/Vendor id/, DEFAULT],
    ]);
    await expect(interview({}, testContext(dir), prompter)).rejects.toThrow(/the prompt would refuse "acme": acme has an unfinished interview/);
    expect(prompter.asked[0]!.choices!.map((c) => c.name)[0]).toMatch(/^acme: an unfinished interview that cannot be resumed \(/);
    expect(readFileSync(join(dir, '.aiclaim', 'drafts', 'acme.yaml'), 'utf8')).toBe(broken);
  });

  test('a vendor file with errors is listed with its problem, and choosing it shows them all', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'vendors', 'broken.yaml'), 'schema: aiclaim/vendor@1\nid: broken\nname: Broken\ncategory: not-a-category\nanswers: {}\n');
    const prompter = scriptedPrompter([[/Which vendor\?/, 'broken']]);
    await expect(interview({}, testContext(dir), prompter)).rejects.toThrow(/problem/);
    expect(prompter.asked[0]!.choices!.map((c) => c.name)).toContainEqual(expect.stringMatching(/^broken: a vendor file with errors \(category: /));
  });

  test.each([
    [{ period: '2026-Q3' }, /findings\/2026-Q3\.yaml holds the findings of a past quarter \(2026-Q3\) and is kept as it is/],
    [{ period: '2027-Q1' }, /2027-Q1 has not started yet \(this is 2026-Q4\)/],
    [{ period: '2026-Q4' }, new RegExp(`another aiclaim \\(process ${process.ppid}\\) is writing findings/2026-Q4\\.yaml right now`)],
  ])('interview --period %j that could not be written is refused before anything is asked', async (flags, message) => {
    const dir = workspace();
    mkdirSync(join(dir, 'findings'));
    writeFileSync(join(dir, 'findings', '2026-Q3.yaml'), 'schema: aiclaim/findings@1\nperiod: 2026-Q3\n');
    // A live process (the one that started the tests) holds this quarter's lock.
    writeFileSync(join(dir, 'findings', '.2026-Q4.yaml.lock'), `${process.ppid} 0123456789abcdef\n`);
    await expect(interview({ id: 'acme', ...flags }, testContext(dir), silent())).rejects.toThrow(message);
    expect(existsSync(join(dir, 'vendors', 'acme.yaml'))).toBe(false);
    expect(existsSync(join(dir, '.aiclaim', 'drafts'))).toBe(false);
  });
});
