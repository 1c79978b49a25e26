import { execFileSync } from 'node:child_process';
import { describe, test, type TestFunction } from 'vitest';
import { chromiumPath } from './browser.js';
import { sofficeAvailable } from './libreoffice.js';
import { tmuxAvailable } from './tmux.js';

// Tests that need a program of the machine's: a real terminal (tmux), browser (Chromium),
// spreadsheet application (LibreOffice's soffice) or PDF rasteriser (pdftoppm). Where one is
// missing they are skipped, with a line saying so, on a developer's machine; under CI (CI=true)
// they fail instead, naming what is missing, so that a CI run never passes by skipping them.
// .ci/run installs all four.

export const TOOLS = {
  tmux: { shown: 'tmux', debian: 'tmux', present: tmuxAvailable },
  chromium: { shown: 'Chromium', debian: 'chromium', present: () => chromiumPath() !== undefined },
  soffice: { shown: 'soffice', debian: 'libreoffice-calc-nogui', present: sofficeAvailable },
  pdftoppm: { shown: 'pdftoppm', debian: 'poppler-utils', present: () => onPath('pdftoppm') },
} as const;

export type Tool = keyof typeof TOOLS;

/** CI=true (or any value but empty, "false" and "0"), as CI services set it. */
export function inCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

export interface Requirement {
  /** The tools that are not installed. */
  readonly missing: readonly Tool[];
  /** Under CI with a tool missing: the tests fail rather than skip. */
  readonly fails: boolean;
  /** What is missing and what installs it; undefined when nothing is. */
  readonly reason: string | undefined;
  /** `describe` when every tool is there; else skipped, or under CI one failing test in its place. */
  describe(name: string, body: () => void): void;
  /** `test` when every tool is there; else skipped, or under CI failing with the reason. */
  test(name: string, body: TestFunction, timeout?: number): void;
  /**
   * For the part of a test that needs the tools: true when they are there; false when not (the
   * test returns, skipping that part); under CI it throws the reason instead.
   */
  here(): boolean;
}

/**
 * What `what` (say "the terminal interview tests") needs: tools by name, found on this machine, or
 * with whether each is present (`{ chromium: path !== undefined }`). Warns once when one is
 * missing and the tests are skipped.
 */
export function requires(what: string, tools: readonly Tool[] | Partial<Record<Tool, boolean>>, options: { ci?: boolean } = {}): Requirement {
  const present: [Tool, boolean][] = Array.isArray(tools)
    ? (tools as readonly Tool[]).map((tool) => [tool, TOOLS[tool].present()])
    : (Object.entries(tools) as [Tool, boolean][]);
  const missing = present.filter(([, there]) => !there).map(([tool]) => tool);
  const fails = missing.length > 0 && (options.ci ?? inCI());
  const reason = missing.length === 0 ? undefined : describeMissing(what, missing, fails);
  if (reason && !fails) console.warn(reason);
  const fail = (): never => {
    throw new Error(reason);
  };
  return {
    missing,
    fails,
    reason,
    describe: (name, body) => {
      if (missing.length === 0) describe(name, body);
      else if (fails) test(name, fail);
      else describe.skip(name, body);
    },
    test: (name, body, timeout) => {
      if (missing.length === 0) test(name, body, timeout);
      else if (fails) test(name, fail);
      else test.skip(name, body, timeout);
    },
    here: () => {
      if (fails) fail();
      return missing.length === 0;
    },
  };
}

function describeMissing(what: string, missing: readonly Tool[], fails: boolean): string {
  const names = missing.map((tool) => TOOLS[tool].shown);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const verb = names.length === 1 ? 'is' : 'are';
  const install = `apt-get install ${missing.map((tool) => TOOLS[tool].debian).join(' ')}`;
  if (!fails) return `Skipping ${what}: ${list} ${verb} not installed (.ci/run installs ${names.length === 1 ? 'it' : 'them'}: ${install}).`;
  return `Cannot run ${what} under CI: ${list} ${verb} not installed. With CI=true a missing tool fails the run instead of skipping the tests; .ci/run installs ${names.length === 1 ? 'it' : 'them'} (${install}).`;
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
