// `npm run bench`: measures aiclaim against baselines run on the same machine in the same run, and
// writes the figures to bench/results.md. Every ratio compares medians of runs taken in turn.
//
//   npm run bench                       # 15,000 and 1,500 vendor files, 3 runs each
//   npm run bench -- --quick            # day to day: 3,000 and 1,500 files, 1 run each, printed only
//   npm run bench -- --n 3000 --runs 1  # the same, chosen by hand
//   npm run bench -- --startup-only     # start-up alone (a minute), e.g. under another Node
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, release, tmpdir, totalmem } from 'node:os';
import { SourceMap } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './generate-vendors.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'aiclaim.cjs');
const PEAK_RSS = join(ROOT, 'bench', 'peak-rss.mjs');
const BASELINE = join(ROOT, 'bench', 'yaml-baseline.mjs');
const JS_YAML_BASELINE = join(ROOT, 'bench', 'js-yaml-baseline.mjs');
// "Today" is pinned so that the quarters below are the current and the previous one in any year.
const ENV = { ...process.env, AICLAIM_TODAY: '2026-11-22', NO_COLOR: '1' };
const PERIOD = '2026-Q4';
const PREVIOUS = '2026-Q3';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '15000' },
    small: { type: 'string', default: '1500' },
    runs: { type: 'string', default: '3' },
    'startup-runs': { type: 'string', default: '30' },
    // Where the results are written; a quick run only prints them, unless told.
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    // 3,000 files and one run, in place of the 15,000-file runs: a few minutes.
    quick: { type: 'boolean', default: false },
    // Only the start-up measurements, printed only: for comparing Node versions.
    'startup-only': { type: 'boolean', default: false },
  },
});
if (args.quick) Object.assign(args, { n: '3000', runs: '1', 'startup-runs': '10' });
const STARTUP_ONLY = args['startup-only'];
const OUT = args.out ?? (args.quick || STARTUP_ONLY ? undefined : join(ROOT, 'bench', 'results.md'));
const N = Number(args.n);
const SMALL = Math.min(Number(args.small), N);
const RUNS = Math.max(1, Number(args.runs));
const JOBS = availableParallelism();
const work = mkdtempSync(join(tmpdir(), 'aiclaim-bench-'));

const log = (text) => process.stderr.write(`${text}\n`);

// ---- the targets -----------------------------------------------------------------------------

/** `--jobs` on the machine's cores over one core: near-linear. */
const JOBS_TARGET = JOBS >= 2 ? 0.925 * JOBS : 1;
/** Peak memory at the large size over the peak at the small one. */
const RSS_TARGET = 1.3;
/** Node 22 and later have the compile cache the command turns on; Node 20 does not. */
const COMPILE_CACHE = Number(process.versions.node.split('.')[0]) >= 22;
/** `score` of one file over a bare `node -e 0`. */
const ONE_FILE_TARGET = COMPILE_CACHE ? 1.7 : 2.0;
/** The first diff of two 15,000-vendor snapshots, with no cache and with it. */
const DIFF_COLD_TARGET = 10_000;
const DIFF_WARM_TARGET = 3_000;
/** The slowest refusal of a hostile file. */
const HOSTILE_TARGET = 300;

/** Met or missed, for the 15,000-vendor run the targets are set for; nothing said at another size. */
const diffVerdict = (vendors, ms, target) => (vendors === 15_000 ? `, ${verdict(ms <= target)}` : '');

// ---- measuring -------------------------------------------------------------------------------

/** Runs `node <args>` in `cwd`; its wall time, peak memory and what it said on stderr. */
function run(nodeArgs, cwd, { memory = true, expect = [0] } = {}) {
  const rssFile = join(work, 'rss.txt');
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, memory ? ['--import', PEAK_RSS, ...nodeArgs] : nodeArgs, {
    cwd,
    env: { ...ENV, AICLAIM_BENCH_RSS: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const stderr = String(result.stderr);
  if (!expect.includes(result.status)) throw new Error(`node ${nodeArgs.join(' ')} (in ${cwd}) exited ${result.status}:\n${stderr.slice(0, 2000)}`);
  const rssKb = memory && existsSync(rssFile) ? Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) : undefined;
  return { ms, rssKb, stderr, status: result.status };
}

/** Each case once per round, in an order that rotates, so that drift in the machine falls on all. */
function alternate(cases, rounds) {
  const results = cases.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (k + r) % cases.length;
      results[i].push(cases[i]());
    }
  }
  return results.map((samples) => ({ ms: median(samples.map((s) => s.ms)), rssKb: median(samples.map((s) => s.rssKb ?? 0)), samples }));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const seconds = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (kb) => `${Math.round(kb / 1024)} MB`;
const times = (x) => `${x.toFixed(2)}×`;
const count = (n) => n.toLocaleString('en-US');
const verdict = (ok) => (ok ? 'met' : '**missed**');

// ---- workspaces ------------------------------------------------------------------------------

function workspace(name, files) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: ai-claims\n');
  const bytes = generate(join(dir, 'vendors'), files, 1);
  return { dir, files, bytes };
}

/** Changes the spend of `share` of the vendor files, a different set for each `round`. */
function touchVendors(ws, share, round) {
  const names = readdirSync(join(ws.dir, 'vendors')).sort();
  const every = Math.round(1 / share);
  let changed = 0;
  for (let i = round % every; i < names.length; i += every) {
    const path = join(ws.dir, 'vendors', names[i]);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(/amount: (\d+)/, (_, amount) => `amount: ${Number(amount) + 1}`));
    changed++;
  }
  return changed;
}

const score = (ws, ...extra) => () => run([BIN, 'score', '--period', PERIOD, ...extra], ws.dir);
const baseline = (ws) => () => run([BASELINE, join(ws.dir, 'vendors')], ws.dir);
const jsYamlBaseline = (ws) => () => run([JS_YAML_BASELINE, join(ws.dir, 'vendors')], ws.dir);

// ---- the measurements ------------------------------------------------------------------------

const started = new Date();
log(STARTUP_ONLY ? `aiclaim benchmark: start-up only, in ${work}` : `aiclaim benchmark: ${count(N)} and ${count(SMALL)} vendor files, ${RUNS} run(s) each, in ${work}`);
if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first');

const report = { throughput: [], startup: undefined, incremental: undefined, tracking: undefined, hostile: [], profile: undefined };

try {
  if (!STARTUP_ONLY) await measureWork();
  log(`start-up: ${args['startup-runs']} runs each`);
  report.startup = measureStartup();
  if (!STARTUP_ONLY) await measureRest();
} finally {
  if (!args.keep) rmSync(work, { recursive: true, force: true });
}

const text = STARTUP_ONLY ? startupResults(report.startup).join('\n') + '\n' : results(report);
if (OUT) writeFileSync(OUT, text);
process.stdout.write(text);
if (OUT) log(`\nwritten to ${OUT}`);

/** Throughput, memory, incremental re-scoring, diff and trend: the 15,000-file work. */
async function measureWork() {
  const sizes = SMALL < N ? [SMALL, N] : [N];
  const spaces = new Map();
  for (const files of sizes) {
    log(`generating ${count(files)} vendor files…`);
    spaces.set(files, workspace(`ws-${files}`, files));
  }
  const large = spaces.get(N);

  // The previous quarter's snapshot: scoring reads it for each vendor's track record, as it would
  // in a workspace with history. Setup, not measured.
  for (const ws of spaces.values()) {
    log(`setup: ${PREVIOUS} snapshot of ${count(ws.files)} vendors`);
    run([BIN, 'score', '--period', PREVIOUS, '--force', '--jobs', String(JOBS)], ws.dir);
    touchVendors(ws, 0.1, 7);
  }

  for (const ws of spaces.values()) {
    log(`throughput, ${count(ws.files)} files: bare yaml parse, bare js-yaml load, score, score --jobs ${JOBS}`);
    const cases = [baseline(ws), jsYamlBaseline(ws), score(ws, '--no-reuse')];
    if (JOBS > 1) cases.push(score(ws, '--no-reuse', '--jobs', String(JOBS)));
    const [base, jsBase, single, parallel] = alternate(cases, RUNS);
    report.throughput.push({ files: ws.files, bytes: ws.bytes, base, jsBase, single, parallel });
  }

  log(`incremental: 1% of ${count(N)} files changed before each run`);
  {
    const full = report.throughput.find((t) => t.files === N).single;
    const samples = [];
    let reused = 0;
    for (let r = 0; r < RUNS; r++) {
      const changed = touchVendors(large, 0.01, r);
      const result = score(large)();
      reused = Number(/\((\d+) unchanged since the last run/.exec(result.stderr)?.[1] ?? 0);
      if (reused !== N - changed) throw new Error(`expected ${N - changed} files reused, the run said ${reused}:\n${result.stderr}`);
      samples.push(result.ms);
    }
    // The snapshot written from reused findings must be the one a full run writes.
    const snapshot = join(large.dir, 'findings', `${PERIOD}.yaml`);
    const incremental = readFileSync(snapshot);
    score(large, '--no-reuse')();
    const identical = incremental.equals(readFileSync(snapshot));
    report.incremental = { files: N, changed: Math.round(N / 100), reused, ms: median(samples), full: full.ms, identical };
  }

  log(`diff and trend over two snapshots of ${count(N)} vendors`);
  {
    const cache = join(large.dir, '.aiclaim', 'cache');
    const cold = (args) => () => {
      rmSync(cache, { recursive: true, force: true });
      return run([BIN, ...args], large.dir);
    };
    const warm = (args) => () => run([BIN, ...args], large.dir);
    // The cache, but no self-check passed on it yet (self-check-mark.ts): the first diff after score --period.
    const unchecked = (args) => () => {
      for (const name of readdirSync(cache)) if (name.startsWith('checked-')) rmSync(join(cache, name));
      return run([BIN, ...args], large.dir);
    };
    const snapshotBytes = statSync(join(large.dir, 'findings', `${PERIOD}.yaml`)).size;
    // Cold first: YAML read and the cache rebuilt, as on a fresh clone; then warm, from the cache.
    // As many runs as the rest: one run of ten seconds on a shared machine moves by a tenth.
    const [diffCold, trendCold] = alternate([cold(['diff', PREVIOUS, PERIOD]), cold(['trend'])], RUNS);
    const [diffUnchecked] = alternate([unchecked(['diff', PREVIOUS, PERIOD])], RUNS);
    const [diffWarm, trendWarm, diffJson] = alternate([warm(['diff', PREVIOUS, PERIOD]), warm(['trend']), warm(['diff', PREVIOUS, PERIOD, '--format', 'json'])], RUNS);
    report.tracking = { vendors: N, snapshotBytes, diffCold, trendCold, diffUnchecked, diffWarm, trendWarm, diffJson };
  }

  report.spaces = spaces;
}

function measureStartup() {
  {
    const tiny = join(work, 'ws-one');
    mkdirSync(join(tiny, 'vendors'), { recursive: true });
    writeFileSync(join(tiny, 'aiclaim.yaml'), 'schema: aiclaim/settings@1\nquestionnaire: ai-claims\n');
    cpSync(join(ROOT, 'fixtures', 'sample', 'vendors', 'autoflow.yaml'), join(tiny, 'vendors', 'autoflow.yaml'));
    const oneFile = [BIN, 'score', 'vendors/autoflow.yaml'];
    const first = run(oneFile, tiny, { memory: false });
    const [node, version, one] = alternate(
      [() => run(['-e', '0'], tiny, { memory: false }), () => run([BIN, '--version'], tiny, { memory: false }), () => run(oneFile, tiny, { memory: false })],
      Number(args['startup-runs']),
    );
    return { node, version, one, first };
  }
}

/** The hostile corpus, and the profile. */
async function measureRest() {
  const spaces = report.spaces;
  log('hostile inputs: time to refuse each');
  {
    const dir = join(work, 'hostile');
    mkdirSync(dir, { recursive: true });
    const head = 'schema: aiclaim/vendor@1\nid: made\nname: Made\ncategory: crm\n';
    writeFileSync(join(dir, 'made-50-mb.yaml'), `${head}note: "${'x'.repeat(50 * 1024 * 1024)}"\n`);
    writeFileSync(join(dir, 'made-4-mb-of-brackets.yaml'), `${head}answers:\n  x:\n    value: ${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}\n`);
    writeFileSync(join(dir, 'made-20000-unknown-keys.yaml'), `${head}${Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n')}\n`);
    const corpus = join(ROOT, 'tests', 'hostile');
    const files = [...readdirSync(corpus).filter((n) => n.endsWith('.yaml')).map((n) => join(corpus, n)), ...readdirSync(dir).map((n) => join(dir, n))];
    report.hostile = files.map((file) => {
      // Some of the corpus is valid by design (hostile text that must be shown as data): those are
      // timed too, and marked as read rather than refused; the files made here must be refused.
      const made = !file.startsWith(corpus);
      const samples = Array.from({ length: 3 }, () => run([BIN, 'validate', file], ROOT, { memory: false, expect: made ? [2] : [0, 2] }));
      const name = made ? `${file.slice(dir.length + 1)} (generated)` : `tests/hostile/${file.slice(corpus.length + 1)}`;
      return { file: samples[0].status === 0 ? `${name} (valid: read, shown as data)` : name, ms: median(samples.map((x) => x.ms)) };
    });
  }

  log(`profile: where a single-core run of ${count(SMALL)} files spends its time`);
  {
    const ws = spaces.get(SMALL);
    const dir = join(work, 'profile');
    run(['--cpu-prof', '--cpu-prof-dir', dir, BIN, 'score', '--period', PERIOD, '--no-reuse'], ws.dir, { memory: false });
    report.profile = profileShares(join(dir, readdirSync(dir)[0]));
  }
}

// ---- the profile -----------------------------------------------------------------------------

/** Self time of a CPU profile by where the code comes from, traced through the bundle's source maps. */
function profileShares(path) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const maps = new Map();
  const shares = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const area = areaOf(byId.get(id).callFrame, maps);
    shares.set(area, (shares.get(area) ?? 0) + dt);
    total += dt;
  });
  return [...shares].map(([area, t]) => ({ area, share: t / total })).sort((a, b) => b.share - a.share);
}

function areaOf({ functionName, url, lineNumber, columnNumber }, maps) {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url.startsWith('node:')) return 'Node.js (files, modules, streams)';
  if (!url.startsWith('file:')) return 'the engine (compiling, idle)';
  const file = fileURLToPath(url);
  if (!maps.has(file)) maps.set(file, existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : undefined);
  const source = maps.get(file)?.findEntry(lineNumber, columnNumber)?.originalSource ?? file;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  if (dependency === 'yaml') return 'yaml (the precise reader; writing YAML)';
  if (dependency === 'js-yaml') return 'js-yaml (the fast reader)';
  if (dependency === 'zod') return 'zod (checking shapes)';
  if (dependency) return dependency;
  const area = /src\/(core\/[^/]+|render|shell|commands|interview)/.exec(source)?.[1];
  return area ? `aiclaim src/${area}` : 'other';
}

// ---- the report ------------------------------------------------------------------------------

function startupResults(s) {
  return [
    '',
    `## Start-up${STARTUP_ONLY ? `, Node.js ${process.version}` : ''}`,
    '',
    `In a workspace with one vendor file, after one run has cached the checked questionnaire (the first run took ${seconds(s.first.ms)}); medians of ${args['startup-runs']} runs, taken in turn.`,
    '',
    '| command | median | × `node -e 0` | target |',
    '|---|---:|---:|---|',
    `| \`node -e 0\` | ${seconds(s.node.ms)} | 1.00× | |`,
    `| \`aiclaim --version\` | ${seconds(s.version.ms)} | ${times(s.version.ms / s.node.ms)} | ≤ 1.2×: ${verdict(s.version.ms / s.node.ms <= 1.2)} |`,
    `| \`aiclaim score vendors/autoflow.yaml\` | ${seconds(s.one.ms)} | ${times(s.one.ms / s.node.ms)} | ≤ ${times(ONE_FILE_TARGET)}${COMPILE_CACHE ? ' (Node 22+, compile cache)' : ''}: ${verdict(s.one.ms / s.node.ms <= ONE_FILE_TARGET)} |`,
  ];
}

function results(r) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# aiclaim benchmark results',
    '',
    `Measured by \`npm run bench${args.quick ? ' -- --quick' : ''}\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC: aiclaim ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}, Node.js ${process.version}, ${process.platform} ${release()} ${process.arch}, ${cpu}, ${JOBS} cores, ${Math.round(totalmem() / 2 ** 30)} GiB memory.`,
    `Vendor files are synthetic and valid, from \`bench/generate-vendors.mjs\` (seed 1) over the default questionnaire; every figure is the median of ${RUNS} run(s) (start-up: ${args['startup-runs']}), the cases of a round taken in turn. Each time is a whole process, start-up included.`,
    '',
    '## Batch scoring throughput',
    '',
    `\`aiclaim score --period ${PERIOD} --no-reuse\` (every file read, validated, scored; snapshot and ranking written) against two baselines over the same files: \`bench/yaml-baseline.mjs\`, a bare \`yaml\` parse, and \`bench/js-yaml-baseline.mjs\`, a bare js-yaml load (core schema). Targets on one core: at least 2× the speed of the bare yaml parse, and 0.35× that of the bare js-yaml load; \`--jobs\` near-linear on the machine's cores.`,
    '',
    `| files | size | bare yaml parse | bare js-yaml load | score, 1 core | vs yaml parse | target 2× | vs js-yaml load | target 0.35× | score --jobs ${JOBS} | vs yaml parse | speed-up over 1 core | target ${times(JOBS_TARGET)} |`,
    '|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---:|---|',
  ];
  for (const t of r.throughput) {
    const ratio = t.base.ms / t.single.ms;
    const jsRatio = t.jsBase.ms / t.single.ms;
    const par = t.parallel
      ? [seconds(t.parallel.ms), times(t.base.ms / t.parallel.ms), times(t.single.ms / t.parallel.ms), verdict(t.single.ms / t.parallel.ms >= JOBS_TARGET)]
      : ['—', '—', '—', '—'];
    lines.push(
      `| ${count(t.files)} | ${(t.bytes / 1e6).toFixed(1)} MB | ${seconds(t.base.ms)} | ${seconds(t.jsBase.ms)} | ${seconds(t.single.ms)} | ${times(ratio)} | ${verdict(ratio >= 2)} | ${times(jsRatio)} | ${verdict(jsRatio >= 0.35)} | ${par.join(' | ')} |`,
    );
  }
  lines.push(
    '',
    '## Peak memory',
    '',
    `Peak resident memory of the whole process (worker threads included). Target: flat as the number of files grows, the peak at ${count(N)} files at most ${times(RSS_TARGET)} the peak at ${count(SMALL)}, on one core and with \`--jobs ${JOBS}\`.`,
    '',
  );
  lines.push(`| files | bare yaml parse | bare js-yaml load | score, 1 core | score --jobs ${JOBS} |`, '|---:|---:|---:|---:|---:|');
  for (const t of r.throughput) {
    lines.push(`| ${count(t.files)} | ${mb(t.base.rssKb)} | ${mb(t.jsBase.rssKb)} | ${mb(t.single.rssKb)} | ${t.parallel ? mb(t.parallel.rssKb) : '—'} |`);
  }
  if (r.throughput.length === 2) {
    const [a, b] = r.throughput;
    const perVendor = ((b.single.rssKb - a.single.rssKb) * 1024) / (b.files - a.files);
    lines.push('', `From ${count(a.files)} to ${count(b.files)} files, scoring's peak grows by ${(perVendor / 1024).toFixed(1)} KB a vendor (the baseline's by ${(((b.base.rssKb - a.base.rssKb) * 1024) / (b.files - a.files) / 1024).toFixed(1)} KB).`);
    const growth = (x, y) => `${times(y.rssKb / x.rssKb)}, ≤ ${times(RSS_TARGET)}: ${verdict(y.rssKb / x.rssKb <= RSS_TARGET)}`;
    lines.push('', `Peak at ${count(b.files)} ÷ peak at ${count(a.files)}: one core ${growth(a.single, b.single)}${a.parallel && b.parallel ? `; \`--jobs ${JOBS}\` ${growth(a.parallel, b.parallel)}` : ''}.`);
  }
  lines.push(...startupResults(r.startup));
  const inc = r.incremental;
  lines.push(
    '',
    '## Incremental re-scoring',
    '',
    `${count(inc.changed)} of ${count(inc.files)} files (1%) changed before each run; the others match the last snapshot by content hash and questionnaire hash and are not parsed again.`,
    '',
    '| run | time | speed-up |',
    '|---|---:|---:|',
    `| every file (\`--no-reuse\`) | ${seconds(inc.full)} | 1.00× |`,
    `| 1% changed | ${seconds(inc.ms)} | ${times(inc.full / inc.ms)} |`,
    '',
    `The snapshot written from reused findings is byte-identical to the one a full run writes: ${inc.identical ? 'yes' : '**no**'}.`,
  );
  const tr = r.tracking;
  lines.push(
    '',
    `## diff and trend over ${count(tr.vendors)} vendors`,
    '',
    `Two snapshots of ${count(tr.vendors)} vendors (${PREVIOUS}, ${PERIOD}; ${(tr.snapshotBytes / 1e6).toFixed(1)} MB of YAML each). Cold: no cache, as on a fresh clone, so the YAML is parsed and the cache rebuilt (each run; the median of ${RUNS}). Warm, not yet checked: the cache written by \`score --period\` or by an earlier run, each snapshot's self-check run on it (the first \`diff\` after \`score --period\`). Warm: the self-checks passed by an earlier run, not run again.`,
    '',
    `Targets for the first \`diff\` at ${count(15_000)} vendors: cold ≤ ${seconds(DIFF_COLD_TARGET)}, warm ≤ ${seconds(DIFF_WARM_TARGET)}${tr.vendors === 15_000 ? '' : ` (judged at ${count(15_000)} vendors only: this run has ${count(tr.vendors)})`}.`,
    '',
    '| command | cold | warm, not yet checked | warm |',
    '|---|---:|---:|---:|',
    `| \`aiclaim diff ${PREVIOUS} ${PERIOD}\` | ${seconds(tr.diffCold.ms)}${diffVerdict(tr.vendors, tr.diffCold.ms, DIFF_COLD_TARGET)} | ${seconds(tr.diffUnchecked.ms)}${diffVerdict(tr.vendors, tr.diffUnchecked.ms, DIFF_WARM_TARGET)} | ${seconds(tr.diffWarm.ms)}${diffVerdict(tr.vendors, tr.diffWarm.ms, DIFF_WARM_TARGET)} |`,
    `| \`aiclaim diff ${PREVIOUS} ${PERIOD} --format json\` | | | ${seconds(tr.diffJson.ms)} |`,
    `| \`aiclaim trend\` | ${seconds(tr.trendCold.ms)} | | ${seconds(tr.trendWarm.ms)} |`,
    '',
    '## Hostile inputs',
    '',
    `\`aiclaim validate <file>\` on each file of the hostile corpus and on three made for the run; each must be refused (exit 2) within ${seconds(HOSTILE_TARGET)}. Median of 3 runs, start-up included.`,
    '',
    '| file | time to refuse |',
    '|---|---:|',
    ...r.hostile.map((h) => `| ${h.file} | ${seconds(h.ms)} |`),
    '',
    `Slowest: ${seconds(Math.max(...r.hostile.map((h) => h.ms)))}; target within ${seconds(HOSTILE_TARGET)}: ${verdict(Math.max(...r.hostile.map((h) => h.ms)) <= HOSTILE_TARGET)}.`,
    '',
    `## Where the time goes`,
    '',
    `Self time in a CPU profile of one single-core scoring run of ${count(SMALL)} files.`,
    '',
    '| where | share |',
    '|---|---:|',
    ...r.profile.map((p) => `| ${p.area} | ${(p.share * 100).toFixed(1)}% |`),
    '',
  );
  return `${lines.join('\n')}\n`;
}
