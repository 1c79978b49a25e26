// Writes N synthetic, valid vendor files over the default questionnaire, varied from the sample
// portfolio's vendors with a seeded generator, so every run measures the same files.
// usage: node bench/generate-vendors.mjs <dir> [N=15000] [seed=1]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const SAMPLE = new URL('../fixtures/sample/vendors/', import.meta.url);

/** mulberry32: small, fast, seeded. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Number questions' bounds, so that varied answers stay valid. */
function numberBounds() {
  const questionnaire = parse(readFileSync(new URL('../questionnaires/ai-claims.yaml', import.meta.url), 'utf8'));
  const bounds = new Map();
  for (const section of questionnaire.sections) for (const q of section.questions) if (q.type === 'number') bounds.set(q.id, q);
  return bounds;
}

export function templates() {
  return readdirSync(SAMPLE)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((n) => parse(readFileSync(new URL(n, SAMPLE), 'utf8')));
}

/** The text of synthetic vendor number i. */
export function vendorText(i, rand, bases, bounds) {
  const base = structuredClone(bases[Math.floor(rand() * bases.length)]);
  const id = `vendor-${String(i).padStart(5, '0')}`;
  base.id = id;
  base.name = `${base.name.split(' ')[0]} ${i}`;
  if (base.spend) base.spend.amount = Math.round(5000 + rand() * 400000);
  for (const [id, answer] of Object.entries(base.answers)) {
    const q = bounds.get(id);
    if (q && typeof answer.value === 'number') {
      const varied = Math.round(answer.value * (0.5 + rand()));
      answer.value = Math.min(q.max ?? Infinity, Math.max(q.min ?? 0, varied));
    }
    if (answer.evidence && rand() < 0.2) delete answer.evidence;
  }
  return `# yaml-language-server: $schema=../schemas/vendor.schema.json\n# Synthetic vendor ${i}, generated for the benchmark.\n${stringify(base, { lineWidth: 0 })}`;
}

export function generate(dir, n, seed = 1) {
  mkdirSync(dir, { recursive: true });
  const rand = random(seed);
  const bases = templates();
  const bounds = numberBounds();
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const text = vendorText(i, rand, bases, bounds);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `vendor-${String(i).padStart(5, '0')}.yaml`), text);
  }
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, n = '15000', seed = '1'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/generate-vendors.mjs <dir> [N] [seed]');
    process.exit(2);
  }
  const bytes = generate(dir, Number(n), Number(seed));
  console.log(`wrote ${n} vendor files (${(bytes / 1e6).toFixed(1)} MB) to ${dir}`);
}
