import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { BIN, run } from '../helpers/run-cli.js';
import { quickWorkspace } from '../helpers/quick-workspace.js';
import { requires } from '../helpers/requires.js';
import { TmuxSession } from '../helpers/tmux.js';

// The interview in a real terminal: tmux runs the built CLI, keys are typed, the screen is read.

const terminal = requires('the terminal interview tests', ['tmux']);

terminal.describe('aiclaim interview in a terminal', () => {
  const workspace = quickWorkspace();
  const tmux = new TmuxSession();
  const cli = (args: string, today = '2026-11-22') => `env NO_COLOR=1 AICLAIM_TODAY=${today} ${process.execPath} ${BIN} ${args}`;
  const vendorFile = join(workspace.dir, 'vendors', 'brightwave-analytics.yaml');

  afterAll(() => {
    tmux.stop();
    workspace.remove();
  });

  test('a new vendor: quit half way with Ctrl-C, resume, finish, get a file score accepts', async () => {
    tmux.start(cli('interview'), workspace.dir);
    await tmux.newVendor({
      name: 'Brightwave Analytics',
      product: 'Brightwave Personalize',
      spend: '84k',
      renewal: '2027-03-31',
      interviewer: 'Claire Martin',
      respondent: 'Sam Lee',
      role: 'CTO',
    });
    await tmux.answer(/Add a claim/, 'Enter');
    await tmux.answer(/word for word/, 'Our AI personalises every page in real time.', 'Enter');
    await tmux.answer(/Where it was made/, 'https://brightwave.example', 'Enter');
    await tmux.answer(/When it was made/, 'Enter');
    // What the claim asserts, checked at the prompt against the questionnaire.
    await tmux.answer(/What does it assert\?/, 'records > lots', 'Enter');
    await tmux.waitFor(/type a number, e\.g\. 40000000/);
    tmux.refused();
    await tmux.answer(/What does it assert\?/, 'C-u', 'records >= 10 million', 'Enter');
    await tmux.answer(/What does it assert\? .*\(Enter when done\)/, 'Enter');
    await tmux.answer(/Add another/, 'Enter');
    await tmux.answer(/\(2\/4\) Does the vendor train models/, 'Enter');
    await tmux.answer(/\(3\/4\) How many training records\? \(records\)/, 'lots', 'Enter');
    await tmux.waitFor(/type a number, e\.g\. 40000000, 40 million or 40M/);
    tmux.refused();
    await tmux.answer(/How many training records/, 'C-u', '40 million', 'Enter');
    // Half way: stop.
    await tmux.answer(/Evidence, a URL or document \(required/, 'C-c');
    const paused = await tmux.waitFor(/EXIT=\d+/);
    expect(paused).toMatch(
      /Interview paused; every answer so far is kept in \.aiclaim\/drafts\/brightwave-analytics\.yaml\. Run `aiclaim interview brightwave-analytics` to resume\./,
    );
    expect(paused).toMatch(/EXIT=130/);
    expect(paused).not.toMatch(/ExitPromptError|\n\s+at /);
    expect(existsSync(vendorFile)).toBe(false);
    const draft = parse(readFileSync(join(workspace.dir, '.aiclaim', 'drafts', 'brightwave-analytics.yaml'), 'utf8')) as {
      visited: string[];
      vendor: { answers: object };
    };
    expect(draft.visited).toEqual(['claims', 'trains']);
    // Stopped at its evidence, the number typed is kept: resumed, it is the default.
    expect(draft.vendor.answers).toEqual({ trains: { value: true }, records: { value: 40000000 } });

    // Again: resume and finish.
    tmux.start(cli('interview brightwave-analytics'), workspace.dir);
    await tmux.answer(/An unfinished interview of Brightwave Analytics from 2026-11-22 has 3 answers, 2 questions gone through/, 'Enter');
    await tmux.answer(/\(3\/4\) How many training records.*\(40000000\)$/, 'Enter');
    await tmux.answer(/Evidence, a URL or document \(required/, 'https://brightwave.example/data-sheet.pdf', 'Enter');
    await tmux.answer(/Date the document bears/, '2026-09-01', 'Enter');
    await tmux.answer(/\(4\/4\) Where does the model come from/, 'Enter');
    await tmux.answer(/\(1\/2\) What does the AI do that rules cannot\?/, '?', 'Enter');
    await tmux.answer(/\(1\/2\) What does the AI do that rules cannot\?/, 'Predicts churn 60 days ahead', 'Enter');
    // A text answer earns its points only with evidence: the interview asks for it.
    await tmux.answer(/Evidence, a URL or document \(Enter for none;/, 'https://brightwave.example/churn-holdout.pdf', 'Enter');
    await tmux.answer(/Date the document bears/, '2026-10-01', 'Enter');
    await tmux.answer(/Add a roadmap commitment/, 'Enter');
    await tmux.answer(/review the answers/, 'Enter');
    const done = await tmux.waitFor(/EXIT=\d+/);
    expect(done).toMatch(/Wrote vendors\/brightwave-analytics\.yaml\./);
    expect(done).toMatch(
      /Brightwave Analytics \(brightwave-analytics\)\nLegitimacy 100\.0 · Substantiated · 13 of 13 points \(sections weighted\) · decisive 4 of 4 answered \(1 needed\) · answered 100% · evidenced 100%/,
    );
    expect(done).toMatch(/Substance\s+█{24}\s+100\.0/);
    expect(done).toMatch(/Red flags: none on the answers recorded/);
    expect(done).toMatch(/Ask the vendor {2}nothing open/);
    expect(done).toMatch(/EXIT=0/);
    expect(existsSync(join(workspace.dir, '.aiclaim', 'drafts', 'brightwave-analytics.yaml'))).toBe(false);

    const written = parse(readFileSync(vendorFile, 'utf8'));
    expect(written).toMatchObject({
      id: 'brightwave-analytics',
      name: 'Brightwave Analytics',
      product: 'Brightwave Personalize',
      category: 'on-site-personalization',
      spend: { amount: 84000, currency: 'EUR' },
      interview: { date: '2026-11-22', interviewer: 'Claire Martin', respondents: [{ name: 'Sam Lee', role: 'CTO' }] },
      claims: [
        {
          text: 'Our AI personalises every page in real time.',
          source: 'https://brightwave.example',
          date: '2026-11-22',
          asserts: [{ question: 'records', gte: 10000000 }],
        },
      ],
      answers: {
        trains: { value: true },
        records: { value: 40000000, evidence: { ref: 'https://brightwave.example/data-sheet.pdf', date: '2026-09-01' } },
        origin: { value: 'own' },
        advantage: { value: 'Predicts churn 60 days ahead', evidence: { ref: 'https://brightwave.example/churn-holdout.pdf', date: '2026-10-01' } },
      },
    });
    const scored = await run(['score', '-f', 'json'], { cwd: workspace.dir });
    expect(scored.code).toBe(0);
    expect((JSON.parse(scored.stdout) as { vendors: { id: string; score: number }[] }).vendors).toMatchObject([{ id: 'brightwave-analytics', score: 100 }]);
  });

  test('"-" records that the vendor would not say, with what it said; "later" leaves a question not asked', async () => {
    tmux.start(cli('interview'), workspace.dir);
    await tmux.newVendor({ name: 'Quiet Data', interviewer: 'Claire Martin', respondent: 'Ana Ruiz' });
    await tmux.answer(/Add a claim/, 'Down', 'Enter');
    await tmux.answer(/\(2\/4\) Does the vendor train models/, 'Enter');
    await tmux.answer(/\(3\/4\) How many training records\? \(records\) \[- if the vendor will not say, later to ask later/, '-', 'Enter');
    await tmux.answer(/What did the vendor say\?/, 'will not disclose data volumes', 'Enter');
    // The choices keep the ways of not answering apart: declined, and not asked yet.
    await tmux.waitFor(/The vendor will not say \(declined\)\n.*Not asked yet: come back to it later/);
    await tmux.answer(/\(4\/4\) Where does the model come from/, 'Down', 'Down', 'Down', 'Enter');
    await tmux.answer(/\(1\/2\) What does the AI do that rules cannot\?/, 'later', 'Enter');
    await tmux.answer(/Add a roadmap commitment/, 'Enter');
    await tmux.answer(/review the answers/, 'Enter');
    const done = await tmux.waitFor(/EXIT=\d+/);
    expect(done).toMatch(/EXIT=0/);
    const written = parse(readFileSync(join(workspace.dir, 'vendors', 'quiet-data.yaml'), 'utf8'));
    // Declined is a recorded fact; the question left for later has no entry at all.
    expect(written.answers).toEqual({ trains: { value: true }, records: { declined: 'will not disclose data volumes' } });
    const explained = await run(['score', 'vendors/quiet-data.yaml', '--explain'], { cwd: workspace.dir });
    expect(explained.stdout).toMatch(
      /\s0\/6\s+records\s+declined: will not disclose data volumes — declined \("will not disclose data volumes"\): the vendor would not say, so it earns 0 of 6/,
    );
    expect(explained.stdout).toMatch(/\?\s+origin\s+not asked yet: out of the score/);
    expect(explained.stdout).toMatch(/\?\s+advantage\s+not asked yet: out of the score \(worth up to 2\)/);
  });

  test('a quarterly re-interview with --changed-only takes a handful of keystrokes and keeps the comments', async () => {
    const before = readFileSync(vendorFile, 'utf8').replace('answers:\n', 'answers:\n  # checked against the data sheet on site\n');
    writeFileSync(vendorFile, before);
    tmux.start(cli('interview brightwave-analytics --changed-only --period 2027-Q1', '2027-02-15'), workspace.dir);
    await tmux.answer(/interviewer\) \(Claire Martin\)/, 'Enter');
    await tmux.answer(/Answering for the vendor: Sam Lee \(CTO\)\. Same people\?/, 'Enter');
    await tmux.answer(/Nothing changed in this section\?/, 'Enter');
    await tmux.answer(/Nothing changed in this section\?/, 'Enter');
    await tmux.answer(/review the answers/, 'Enter');
    const done = await tmux.waitFor(/EXIT=\d+/);
    expect(done).toMatch(/EXIT=0/);
    expect(done).toMatch(/Updated findings\/2027-Q1\.yaml for brightwave-analytics\./);
    const after = readFileSync(vendorFile, 'utf8');
    // Only the interview date moved; the comment stays where it was.
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual(['  date: 2027-02-15']);
    expect(after).toMatch(/answers:\n {2}# checked against the data sheet on site\n/);
    const validated = execFileSync(process.execPath, [BIN, 'validate'], {
      cwd: workspace.dir,
      env: { ...process.env, NO_COLOR: '1', AICLAIM_TODAY: '2027-02-15' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(validated).toBe('');
  });
  test('Ctrl-C after the profile keeps it; the unfinished interview is offered first, and a new vendor cannot take its id', async () => {
    tmux.start(cli('interview'), workspace.dir);
    await tmux.answer(/Which vendor\?/, 'Enter');
    await tmux.answer(/Vendor name/, 'Orbit Data GmbH', 'Enter');
    await tmux.answer(/Vendor id .*\(orbit-data-gmbh\)/, 'Enter');
    await tmux.answer(/Product/, 'Orbit CDP', 'Enter');
    await tmux.answer(/Martech category/, 'Enter');
    await tmux.answer(/Annual spend in EUR/, 'Enter');
    await tmux.answer(/renewal date/, 'Enter');
    await tmux.answer(/Owner/, 'Enter');
    await tmux.answer(/interviewer/, 'C-c');
    const paused = await tmux.waitFor(/EXIT=\d+/);
    expect(paused).toMatch(/Interview paused; every answer so far is kept in \.aiclaim\/drafts\/orbit-data-gmbh\.yaml/);
    const draftFile = join(workspace.dir, '.aiclaim', 'drafts', 'orbit-data-gmbh.yaml');
    const kept = readFileSync(draftFile, 'utf8');
    expect(parse(kept).vendor).toMatchObject({ id: 'orbit-data-gmbh', name: 'Orbit Data GmbH', product: 'Orbit CDP' });

    // Again: the draft is the first choice; "A new vendor" with the same name is refused its id.
    tmux.start(cli('interview'), workspace.dir);
    const picker = await tmux.waitFor(/Which vendor\?/);
    expect(picker).toMatch(/❯ Resume Orbit Data GmbH \(orbit-data-gmbh\): unfinished, 0 answers/);
    await tmux.answer(/Which vendor\?/, 'Down', 'Enter');
    await tmux.answer(/Vendor name/, 'Orbit Data GmbH', 'Enter');
    await tmux.answer(/Vendor id .*\(orbit-data-gmbh\)/, 'Enter');
    await tmux.waitFor(/orbit-data-gmbh has an unfinished interview: choose it in the list to resume it, or type another id/);
    tmux.refused();
    await tmux.answer(/Vendor id/, 'C-c');
    await tmux.waitFor(/EXIT=\d+/);
    expect(readFileSync(draftFile, 'utf8')).toBe(kept);
    rmSync(draftFile);
  });
});
