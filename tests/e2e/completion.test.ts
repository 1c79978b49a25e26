import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { BIN, REPO, tempDir } from '../helpers/run-cli.js';

// The completion scripts, loaded into the real shells as a user loads them, with `aiclaim` on the
// PATH: commands, options and their choices, and the workspace's own vendor ids, quarters and
// questionnaires (the bundled sample's, from the repository root).

const sh = promisify(execFile);
const bin = tempDir();
afterAll(() => bin.remove());
const wrapper = join(bin.dir, 'aiclaim');
writeFileSync(wrapper, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
chmodSync(wrapper, 0o755);
const env = { ...process.env, PATH: `${bin.dir}:${process.env.PATH}`, NO_COLOR: '1' };

const has = (shell: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${shell}`], { stdio: 'ignore' });
    return true;
  } catch {
    // Under CI a shell the tests need is installed by .ci/run: missing, it is a failure, not a skip.
    if (process.env.CI) throw new Error(`${shell} is not installed: .ci/run installs it`);
    return false;
  }
};

/** What bash offers for a command line, the cursor at its end (a trailing space: a new word). */
async function bash(line: string): Promise<string[]> {
  const script = `source <(aiclaim completion bash)
read -ra COMP_WORDS <<< ${JSON.stringify(line)}
[[ ${JSON.stringify(line)} == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); COMPREPLY=()
_aiclaim_complete
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const { stdout } = await sh('bash', ['-c', script], { cwd: REPO, env });
  return stdout.split('\n').filter(Boolean);
}

const QUARTERS = ['2026-Q2', '2026-Q3', '2026-Q4'];

describe('bash', () => {
  test.each([
    ['aiclaim di', ['diff']],
    ['aiclaim diff ', QUARTERS],
    ['aiclaim diff 2026-Q3 2026-Q', QUARTERS],
    ['aiclaim diff 2026-Q3 2026-Q4 --vendor da', ['datavane']],
    ['aiclaim interview c', ['campaignly', 'chatterbox', 'cohortia']],
    ['aiclaim score -f ', ['table', 'json', 'yaml', 'markdown', 'csv']],
    ['aiclaim score --period 2026-Q', QUARTERS],
    ['aiclaim report ', QUARTERS],
    ['aiclaim stack ', QUARTERS],
    ['aiclaim stack -f ', ['table', 'json', 'markdown', 'csv', 'xlsx']],
    ['aiclaim questionnaire s', ['show']],
    ['aiclaim questionnaire show ', ['ai-claims', 'fmti-2023']],
    ['aiclaim trend --sort ', ['score', 'change', 'name', 'delivery']],
    ['aiclaim completion --l', []],
    // What --fail-on checks is the command's own; a number is typed, never a file.
    ['aiclaim diff 2026-Q3 2026-Q4 --fail-on ', ['regression', 'new-critical']],
    ['aiclaim score --fail-on ', ['not-assessed']],
    ['aiclaim score --top ', []],
    ['aiclaim diff 2026-Q3 2026-Q4 --tolerance ', []],
    ['aiclaim score --fail-under ', []],
    // The verdicts of the questionnaire in use; the martech categories.
    ['aiclaim score --verdict ', ['substantiated', 'plausible', 'weak', 'unsubstantiated', 'not-assessed']],
    ['aiclaim trend --category em', ['emailing']],
  ])('%s', async (line, expected) => {
    expect(await bash(line)).toEqual(expected);
  });

  test('options of the command, not of another', async () => {
    const offered = await bash('aiclaim score --');
    expect(offered).toEqual(expect.arrayContaining(['--explain', '--period', '--fail-under', '--help']));
    expect(offered).not.toContain('--rescore');
  });
});

describe.skipIf(!has('zsh'))('zsh', () => {
  test('the same function, through bashcompinit', async () => {
    const script =
      'autoload -U +X compinit && compinit -u; source <(aiclaim completion zsh); setopt ksharrays; COMP_WORDS=(aiclaim diff ""); COMP_CWORD=2; _aiclaim_complete; print -rl -- "${COMPREPLY[@]}"';
    const { stdout } = await sh('zsh', ['-fc', script], { cwd: REPO, env });
    expect(stdout.split('\n').filter(Boolean)).toEqual(QUARTERS);
  });
});

describe.skipIf(!has('fish'))('fish', () => {
  const fish = async (line: string) =>
    (await sh('fish', ['-c', `source (aiclaim completion fish | psub); complete -C ${JSON.stringify(line)}`], { cwd: REPO, env })).stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t')[0]);
  test.each([
    ['aiclaim di', ['diff']],
    ['aiclaim diff ', QUARTERS],
    ['aiclaim score -f ', ['csv', 'json', 'markdown', 'table', 'yaml']],
    ['aiclaim questionnaire show ', ['ai-claims', 'fmti-2023']],
    ['aiclaim diff 2026-Q3 2026-Q4 --fail-on ', ['new-critical', 'regression']],
  ])('%s', async (line, expected) => {
    expect(await fish(line)).toEqual(expect.arrayContaining(expected));
  });

  test('a number is typed: no file offered', async () => {
    expect(await fish('aiclaim score --top ')).toEqual([]);
  });
});
