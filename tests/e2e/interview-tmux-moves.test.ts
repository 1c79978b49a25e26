import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { BIN } from '../helpers/run-cli.js';
import { quickWorkspace } from '../helpers/quick-workspace.js';
import { requires } from '../helpers/requires.js';
import { TmuxSession } from '../helpers/tmux.js';

// Going back, saving and stopping from a list, reviewing before writing: typed in a real terminal.

const terminal = requires('the terminal interview tests', ['tmux']);

terminal.describe('moving about an interview in a terminal', () => {
  const workspace = quickWorkspace();
  const tmux = new TmuxSession();
  const cli = (args: string) => `env NO_COLOR=1 AICLAIM_TODAY=2026-11-22 ${process.execPath} ${BIN} ${args}`;
  const draftFile = join(workspace.dir, '.aiclaim', 'drafts', 'lumen-ads.yaml');
  const vendorFile = join(workspace.dir, 'vendors', 'lumen-ads.yaml');

  afterAll(() => {
    tmux.stop();
    workspace.remove();
  });

  test('back from the evidence and from a question; save and stop from a list exits 0; the review changes an answer before writing', async () => {
    tmux.start(cli('interview'), workspace.dir);
    await tmux.newVendor({ name: 'Lumen Ads', interviewer: 'Claire Martin', respondent: 'Sam Lee' });
    await tmux.answer(/Add a claim\? \(none recorded yet\)/, 'Down', 'Enter');
    await tmux.answer(/\(2\/4\) Does the vendor train models/, 'Enter');
    await tmux.answer(/\(3\/4\) How many training records/, '40 million', 'Enter');
    // From the evidence: the question again, with what was typed as the default.
    await tmux.answer(/Evidence, a URL or document \(required.*back to change the answer\)/, 'back', 'Enter');
    await tmux.answer(/\(3\/4\) How many training records\? .*\(40000000\)/, 'back', 'Enter');
    // From the question: the one before it, its answer the default.
    const trains = await tmux.waitFor(/\? \[question 2 of \d+.*\] \(2\/4\) Does the vendor train models[^\n]*\n❯ Yes/);
    expect(trains).toMatch(/← Back to the previous question/);
    await tmux.answer(/\(2\/4\) Does the vendor train models/, 'Down', 'Enter');
    // Save and stop, chosen from the list: the draft is kept, and the stop was asked for.
    await tmux.answer(/\(4\/4\) Where does the model come from/, 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Enter');
    const stopped = await tmux.waitFor(/EXIT=\d+/);
    expect(stopped).toMatch(/✔ .*Where does the model come from\? Save and stop \(resume later\)/);
    expect(stopped).toMatch(/Interview saved and stopped; every answer so far is kept in \.aiclaim\/drafts\/lumen-ads\.yaml/);
    expect(stopped).toMatch(/EXIT=0/);
    expect(parse(readFileSync(draftFile, 'utf8')).vendor.answers).toEqual({ trains: { value: false } });

    tmux.start(cli('interview lumen-ads'), workspace.dir);
    await tmux.answer(/An unfinished interview of Lumen Ads/, 'Enter');
    await tmux.answer(/\(4\/4\) Where does the model come from/, 'Enter');
    await tmux.answer(/\(1\/2\) What does the AI do that rules cannot\?/, 'later', 'Enter');
    await tmux.answer(/Add a roadmap commitment/, 'Enter');
    const review = await tmux.waitFor(
      /review the answers[^\n]*\n❯ Write vendors\/lumen-ads\.yaml\n {2}Substance: 3 answered\n {2}Value: 1 answered, 1 not asked yet/,
    );
    expect(review).toMatch(/Save and stop/);
    expect(existsSync(vendorFile)).toBe(false);
    await tmux.answer(/review the answers/, 'Down', 'Enter');
    await tmux.answer(/Substance: choose an answer to change/, 'Down', 'Down', 'Enter');
    await tmux.answer(/\(2\/4\) Does the vendor train models/, 'Up', 'Enter');
    await tmux.answer(/Substance: choose an answer to change/, 'Enter');
    await tmux.answer(/review the answers/, 'Enter');
    // Yes shows the records question: asked before the file is written.
    await tmux.waitFor(/1 question is shown now by an answer changed in the review: asked before the file is written\./);
    await tmux.answer(/How many training records/, '2 million', 'Enter');
    await tmux.answer(/Evidence, a URL or document \(required/, 'Data sheet v2, section 3', 'Enter');
    await tmux.answer(/Date the document bears/, 'Enter');
    await tmux.answer(/review the answers/, 'Enter');
    const done = await tmux.waitFor(/EXIT=\d+/);
    expect(done).toMatch(/Wrote vendors\/lumen-ads\.yaml\./);
    expect(done).toMatch(/EXIT=0/);
    expect(parse(readFileSync(vendorFile, 'utf8')).answers).toEqual({
      trains: { value: true },
      records: { value: 2000000, evidence: 'Data sheet v2, section 3' },
      origin: { value: 'own' },
    });
    expect(existsSync(draftFile)).toBe(false);
  });
});
