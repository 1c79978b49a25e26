import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO, run, tempDir, type Run } from '../helpers/run-cli.js';
import { tree } from '../helpers/tree.js';

// Writes that stay where they belong: --out never replaces what aiclaim did not write for that
// purpose, a device or a FIFO is never replaced or waited on, settings cannot send writes out of
// the workspace, and what the system refuses (a full disk, a read-only folder) is one line, exit 2,
// with every file as it was. Each case runs the built CLI and compares the tree before and after.

const HOSTILE = join(REPO, 'tests', 'hostile');
/** Not a timing assertion: a run still going after this long has hung, and the test says so. */
const HANG = 20_000;
const ROOT = process.getuid?.() === 0;

let base: { dir: string; remove: () => void };

beforeAll(async () => {
  // The sample portfolio with its three quarters of findings; this quarter's snapshot written too.
  base = tempDir('aiclaim-writes-');
  cpSync(join(REPO, 'fixtures', 'sample'), base.dir, { recursive: true });
  rmSync(join(base.dir, '.aiclaim', 'cache'), { recursive: true, force: true });
  const primed = await run(['score', '--period', '2026-Q4'], { cwd: base.dir });
  expect(primed.code, primed.stderr).toBe(0);
});

afterAll(() => base.remove());

function workspace(): { dir: string; remove: () => void } {
  const temp = tempDir('aiclaim-writes-');
  cpSync(base.dir, temp.dir, { recursive: true });
  return temp;
}

/** One clear line and a hint, exit 2, no stack trace, quickly. */
function expectRefusal(result: Run, message: RegExp): void {
  expect(result.timedOut, 'the command hung').toBe(false);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).not.toMatch(/^\s+at |internal error|node:internal|RangeError|TypeError/m);
  const lines = result.stderr.trim().split('\n');
  expect(
    lines.filter((l) => l.startsWith('error:') || l.startsWith('✖')),
    result.stderr,
  ).toHaveLength(1);
  expect(result.stderr).toMatch(message);
  for (const line of lines) expect(line.length).toBeLessThan(400);
}

/** Runs a command that must be refused, and checks that nothing in the workspace changed. */
async function refused(ws: { dir: string }, args: string[], message: RegExp, env: Record<string, string> = {}): Promise<Run> {
  const before = tree(ws.dir, { cache: true });
  const started = Date.now();
  const result = await run(args, { cwd: ws.dir, timeout: HANG, env });
  expectRefusal(result, message);
  expect(Date.now() - started, 'a refusal should not take this long').toBeLessThan(HANG);
  expect(tree(ws.dir, { cache: true })).toEqual(before);
  return result;
}

describe('--out never replaces what aiclaim did not write for it', () => {
  test.each([
    [['export', '-o', 'findings/2026-Q3.yaml'], /findings\/2026-Q3\.yaml holds a findings snapshot, and --out would replace it with a CSV export/],
    [['report', '-o', 'findings/2026-Q2.yaml'], /findings\/2026-Q2\.yaml holds a findings snapshot, and --out would replace it with a report/],
    [['report', '-o', 'aiclaim.yaml'], /aiclaim\.yaml holds the workspace settings/],
    [['report', '-f', 'markdown', '-o', 'vendors/tagwise.yaml'], /vendors\/tagwise\.yaml holds a vendor file/],
    [
      ['score', '--period', '2026-Q4', '-o', 'vendors/tagwise.yaml'],
      /vendors\/tagwise\.yaml holds a vendor file, and --out would replace it with a findings snapshot/,
    ],
    [['score', '--period', '2026-Q4', '-o', 'findings/2026-Q3.yaml'], /holds the findings of 2026-Q3, and --out would replace them with 2026-Q4's/],
    [['export', '-o', 'README.txt'], /README\.txt holds a file aiclaim did not write/],
    [['report', '-o', 'findings'], /findings is a folder/],
    [['stack', '-o', 'findings/2026-Q3.yaml'], /findings\/2026-Q3\.yaml holds a findings snapshot, and --out would replace it with the stack's figures/],
    [['stack', '-f', 'xlsx', '-o', 'README.txt'], /README\.txt holds a file aiclaim did not write/],
    [['stack', '-o', 'findings'], /findings is a folder/],
  ])('%j is refused, every file as it was', async (args, message) => {
    const ws = workspace();
    try {
      writeFileSync(join(ws.dir, 'README.txt'), 'notes of the buying team\n');
      const result = await refused(ws, args, message);
      expect(result.stderr).toMatch(/hint: (choose another --out|give the path of a file)/);
    } finally {
      ws.remove();
    }
  });

  test('--force replaces it when asked to; a report, a CSV and a snapshot replace their own kind without it', async () => {
    const ws = workspace();
    try {
      const forced = await run(['report', '-o', 'notes.md', '--force'], { cwd: ws.dir });
      expect(forced.code).toBe(0); // notes.md did not exist: written, and --force changed nothing
      writeFileSync(join(ws.dir, 'notes.md'), 'my notes\n');
      expect((await run(['report', '-o', 'notes.md'], { cwd: ws.dir })).code).toBe(2);
      expect((await run(['report', '-o', 'notes.md', '--force'], { cwd: ws.dir })).code).toBe(0);
      expect(readFileSync(join(ws.dir, 'notes.md'), 'utf8')).toMatch(/^# AI claims audit · 2026-Q4\n/);
      for (const args of [
        ['report', '-o', 'r.html'],
        ['report', '-o', 'r.md'],
        ['export', '-o', 'e.csv'],
        ['export', '--matrix', '-o', 'm.csv'],
        ['stack', '-o', 's.csv'],
        ['stack', '-o', 's.xlsx'],
        ['score', '--period', '2026-Q4', '-o', 'snap.yaml'],
      ]) {
        const first = await run(args, { cwd: ws.dir });
        expect(first.code, first.stderr).toBe(0);
        const again = await run(args, { cwd: ws.dir });
        expect(again.code, `${args.join(' ')}: ${again.stderr}`).toBe(0);
      }
      // An empty file (made by mktemp, say) holds nothing to lose.
      writeFileSync(join(ws.dir, 'empty.html'), '');
      expect((await run(['report', '-o', 'empty.html'], { cwd: ws.dir })).code).toBe(0);
    } finally {
      ws.remove();
    }
  });

  test('a link is followed: the file it points at is written, the link stays a link', async () => {
    const ws = workspace();
    try {
      writeFileSync(join(ws.dir, 'real.html'), '');
      symlinkSync('real.html', join(ws.dir, 'link.html'));
      const result = await run(['report', '-o', 'link.html'], { cwd: ws.dir });
      expect(result.code, result.stderr).toBe(0);
      expect(lstatSync(join(ws.dir, 'link.html')).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(ws.dir, 'real.html'), 'utf8')).toMatch(/^<!doctype html>/);
    } finally {
      ws.remove();
    }
  });

  test('a replaced file keeps its permissions: init --force, report -o', async () => {
    const ws = workspace();
    try {
      chmodSync(join(ws.dir, 'aiclaim.yaml'), 0o600);
      const init = await run(['init', '--force'], { cwd: ws.dir });
      expect(init.code, init.stderr).toBe(0);
      expect(statSync(join(ws.dir, 'aiclaim.yaml')).mode & 0o777).toBe(0o600);
      expect((await run(['report', '-o', 'r.html'], { cwd: ws.dir })).code).toBe(0);
      chmodSync(join(ws.dir, 'r.html'), 0o640);
      expect((await run(['report', '-o', 'r.html'], { cwd: ws.dir })).code).toBe(0);
      expect(statSync(join(ws.dir, 'r.html')).mode & 0o777).toBe(0o640);
    } finally {
      ws.remove();
    }
  });
});

describe('devices, FIFOs and links to them are neither read nor replaced', () => {
  test('--out onto a character device or a FIFO: refused at once, no lock left, the node still what it was', async () => {
    const ws = workspace();
    try {
      spawnSync('mkfifo', [join(ws.dir, 'fifo.yaml')]);
      // As root a device node of our own (what /dev/null is); otherwise /dev/null itself, which
      // only root could replace.
      const device = ROOT ? join(ws.dir, 'null-device') : '/dev/null';
      if (ROOT) expect(spawnSync('mknod', [device, 'c', '1', '3']).status).toBe(0);
      await refused(
        ws,
        ['score', '--period', '2026-Q4', '-o', 'fifo.yaml'],
        /fifo\.yaml is a named pipe \(FIFO\): aiclaim writes only regular files and leaves it as it is/,
      );
      await refused(ws, ['report', '-o', device], /is a character device: aiclaim writes only regular files/);
      await refused(ws, ['export', '-o', device], /is a character device/);
      expect(statSync(device).isCharacterDevice()).toBe(true);
      expect(statSync(join(ws.dir, 'fifo.yaml')).isFIFO()).toBe(true);
      expect(readdirSync(ws.dir).filter((n) => n.endsWith('.lock'))).toEqual([]);
    } finally {
      ws.remove();
    }
  });

  test.each([
    ['a link to /dev/zero', (path: string) => symlinkSync('/dev/zero', path), /is a character device, not a regular file/],
    ['a FIFO', (path: string) => spawnSync('mkfifo', [path]), /is a named pipe \(FIFO\), not a regular file/],
    ['a link to a folder', (path: string) => symlinkSync('/etc', path), /is a folder, not a file/],
  ])('a vendor file that is %s is refused without reading it', async (_, make, message) => {
    const ws = workspace();
    try {
      make(join(ws.dir, 'vendors', 'zz.yaml'));
      const result = await refused(ws, ['score', '--period', '2026-Q4'], message);
      expect(result.stderr).toMatch(/^✖ vendors\/zz\.yaml: /m);
      expect(result.stdout.length).toBeLessThan(64 * 1024);
    } finally {
      ws.remove();
    }
  });
});

describe('settings cannot send aiclaim out of the workspace', () => {
  test.each([
    ['settings-folder-escape.yaml', /folders\.findings: "\.\.\/escape-f\/deep" leads out of the workspace/],
    ['settings-folder-absolute.yaml', /folders\.vendors: "\/etc" is an absolute path/],
    ['settings-folder-nul.yaml', /folders\.drafts: "drafts\\x00\/\.\.\/\.\.\/x" holds a control character/],
  ])('%s: validate and score --period refuse it, nothing made outside', async (name, message) => {
    // The workspace alone in a folder of its own: whatever is made beside it would show.
    const parent = tempDir('aiclaim-writes-');
    const ws = { dir: join(parent.dir, 'ws') };
    try {
      cpSync(base.dir, ws.dir, { recursive: true });
      copyFileSync(join(HOSTILE, name), join(ws.dir, 'aiclaim.yaml'));
      const validated = await refused(ws, ['validate', 'aiclaim.yaml'], message);
      expect(validated.stderr).toMatch(/^✖ aiclaim\.yaml:\d+:\d+: /m);
      await refused(ws, ['score', '--period', '2026-Q4'], message);
      expect(readdirSync(parent.dir)).toEqual(['ws']);
    } finally {
      parent.remove();
    }
  });

  test('a folder that is a link out of the workspace is refused before anything is written through it', async () => {
    const ws = workspace();
    const elsewhere = tempDir('aiclaim-elsewhere-');
    try {
      rmSync(join(ws.dir, 'findings'), { recursive: true });
      symlinkSync(elsewhere.dir, join(ws.dir, 'findings'));
      await refused(ws, ['score', '--period', '2026-Q4'], /aiclaim\.yaml: folders\.findings \(findings\) leads out of the workspace/);
      expect(readdirSync(elsewhere.dir)).toEqual([]);
    } finally {
      ws.remove();
      elsewhere.remove();
    }
  });
});

describe('what the system refuses is one line, exit 2, and nothing lost', () => {
  test('findings/ is a file', async () => {
    const ws = workspace();
    try {
      rmSync(join(ws.dir, 'findings'), { recursive: true });
      writeFileSync(join(ws.dir, 'findings'), 'not a folder\n');
      await refused(ws, ['score', '--period', '2026-Q4'], /error: findings is a file where aiclaim needs a folder/);
    } finally {
      ws.remove();
    }
  });

  test('a path too long for the file system', async () => {
    const ws = workspace();
    try {
      await refused(ws, ['report', '-o', `${'r'.repeat(300)}.html`], /error: a path is too long for the file system: r+…/);
    } finally {
      ws.remove();
    }
  });

  test('a findings folder the user may not write to', async (context) => {
    const ws = workspace();
    try {
      // Root may write anywhere: the run is made as nobody, in a workspace nobody may write in.
      const asUser = ROOT ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
      if (ROOT && spawnSync(asUser[0]!, [...asUser.slice(1), 'test', '-r', join(REPO, 'bin', 'aiclaim.cjs')]).status !== 0) {
        context.skip('the checkout is not readable by the user "nobody", whom the run would be made as');
        return;
      }
      chmodSync(ws.dir, 0o755);
      spawnSync('chmod', ['-R', 'a+rX', ws.dir]);
      chmodSync(join(ws.dir, 'findings'), 0o555);
      const before = tree(ws.dir, { cache: true });
      const result = spawnSync(
        asUser[0] ?? process.execPath,
        [...asUser.slice(1), ...(ROOT ? [process.execPath] : []), join(REPO, 'bin', 'aiclaim.cjs'), 'report', '-o', 'findings/report.html'],
        {
          cwd: ws.dir,
          env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', AICLAIM_TODAY: '2026-11-22' },
          encoding: 'utf8',
          timeout: HANG,
        },
      );
      expectRefusal(
        { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined },
        /error: permission denied: findings\/report\.html|error: permission denied: findings/,
      );
      expect(tree(ws.dir, { cache: true })).toEqual(before);
    } finally {
      chmodSync(join(ws.dir, 'findings'), 0o755);
      ws.remove();
    }
  });

  test('a full disk: the snapshot of last run is kept, no temporary file is left', async (context) => {
    const mount = tempDir('aiclaim-full-');
    try {
      const mounted = ROOT && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mount.dir]).status === 0;
      if (!mounted) {
        context.skip('mounting a small tmpfs needs root');
        return;
      }
      try {
        const dir = join(mount.dir, 'ws');
        mkdirSync(join(dir, 'vendors'), { recursive: true });
        writeFileSync(join(dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: ai-claims\n');
        copyFileSync(join(REPO, 'fixtures', 'sample', 'vendors', 'autoflow.yaml'), join(dir, 'vendors', 'autoflow.yaml'));
        expect((await run(['score', '--period', '2026-Q4'], { cwd: dir })).code).toBe(0);
        // Fill the disk, then score every sample vendor: the new snapshot cannot be written.
        for (const name of readdirSync(join(REPO, 'fixtures', 'sample', 'vendors')))
          copyFileSync(join(REPO, 'fixtures', 'sample', 'vendors', name), join(dir, 'vendors', name));
        spawnSync('sh', ['-c', `cat /dev/zero > ${join(mount.dir, 'filler')} 2>/dev/null; true`]);
        const before = tree(dir, { cache: true });
        const result = await run(['score', '--period', '2026-Q4', '--no-reuse'], { cwd: dir, timeout: HANG });
        expectRefusal(result, /error: could not write (findings\/2026-Q4\.yaml|\.aiclaim\/cache\/\S+): the disk is full/);
        expect(result.stderr).toMatch(/hint: free some space and run again; nothing was replaced/);
        expect(tree(dir, { cache: true })).toEqual(before);
      } finally {
        spawnSync('umount', [mount.dir]);
      }
    } finally {
      mount.remove();
    }
  });

  test('a temporary file left by a process killed mid-write is removed by the next write there', async () => {
    const ws = workspace();
    try {
      const dead = spawnSync(process.execPath, ['-e', '']).pid!;
      const cache = join(ws.dir, '.aiclaim', 'cache');
      mkdirSync(cache, { recursive: true });
      const left = [join(cache, `.0123456789abcdef.json.${dead}.0badf00d.tmp`), join(ws.dir, 'findings', `.2026-Q4.yaml.${dead}.0badf00d.tmp`)];
      for (const path of left) writeFileSync(path, 'x'.repeat(1024 * 1024));
      const result = await run(['score', '--period', '2026-Q4', '--no-reuse'], { cwd: ws.dir });
      expect(result.code, result.stderr).toBe(0);
      for (const path of left) expect(existsSync(path), path).toBe(false);
    } finally {
      ws.remove();
    }
  });
});
