// The calibration table of the README: each case of fixtures/calibration/, what it is expected to
// be, and what the built aiclaim makes of it. `npm run calibration` rewrites the table in the README
// (between its calibration markers); a test fails when the two drift apart.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CALIBRATION_DIR = join(repo, 'fixtures', 'calibration');
const START = '<!-- calibration:start -->';
const END = '<!-- calibration:end -->';

/** What each file's header says: the case, its kind (enforcement or documented), what is expected. */
export function calibrationCases() {
  return readdirSync(CALIBRATION_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(CALIBRATION_DIR, name), 'utf8');
      const field = (key) => new RegExp(`^# ${key}: (.+)$`, 'm').exec(text)?.[1]?.trim();
      return { id: name.replace(/\.yaml$/, ''), file: name, text, title: field('Case'), kind: field('Kind'), expected: field('Expected') };
    });
}

/** The JSON `aiclaim score` prints for the calibration set, scored as of a fixed day. */
export function scoreCalibration() {
  const out = execFileSync(process.execPath, [join(repo, 'bin', 'aiclaim.cjs'), 'score', CALIBRATION_DIR, '--format', 'json', '--explain'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, AICLAIM_TODAY: '2026-11-22', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

/** The finding that decides the verdict: the one that caps it, else the gravest finding. */
export function decisiveFinding(vendor) {
  const order = ['critical', 'high', 'medium', 'low'];
  const key = (f) => (f.subject ? `${f.id}:${f.subject}` : f.id);
  const legitimacy = vendor.redFlags.filter((f) => f.rating !== 'risk');
  const capping = legitimacy.find((f) => (vendor.cappedBy ?? []).includes(key(f)));
  return capping ?? [...legitimacy].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity))[0];
}

export function calibrationTable(data = scoreCalibration()) {
  const cases = new Map(calibrationCases().map((c) => [c.id, c]));
  const rows = [...data.vendors]
    .sort((a, b) => (cases.get(a.id).kind === cases.get(b.id).kind ? 0 : cases.get(a.id).kind === 'enforcement' ? -1 : 1) || a.id.localeCompare(b.id))
    .map((v) => {
      const c = cases.get(v.id);
      const finding = decisiveFinding(v);
      const expected = c.kind === 'enforcement' ? 'weak or unsubstantiated' : 'plausible or better';
      const label = v.verdict === 'not-assessed' ? 'Not assessed' : v.verdict.charAt(0).toUpperCase() + v.verdict.slice(1);
      const cell = (text) => text.replace(/\|/g, '\\|');
      return `| ${cell(c.title)} | ${expected} | ${v.score === null ? '—' : v.score.toFixed(1)} | ${label} | ${finding ? cell(`${finding.severity}: ${finding.id}`) : 'none'} |`;
    });
  return ['| Case | Expected | Score | Verdict | Decisive finding |', '| --- | --- | ---: | --- | --- |', ...rows].join('\n');
}

/** The README with its calibration table replaced by `table`. */
export function withTable(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md has no ${START} … ${END} block`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

export function readmeTable(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start === -1 || end === -1 ? undefined : readme.slice(start + START.length, end).trim();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = join(repo, 'README.md');
  const table = calibrationTable();
  writeFileSync(path, withTable(readFileSync(path, 'utf8'), table));
  console.log(table);
}
