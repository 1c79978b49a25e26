import { Document, isMap, isSeq, stringify, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Findings, VendorFinding } from '../core/schema/findings.js';
import { schemaHint } from './yaml-text.js';

// A findings snapshot as YAML: small records on one line each, so that `git diff` of two
// snapshots shows one changed line per changed fact.
//
// A snapshot of thousands of vendors is written vendor by vendor, and fast: building a yaml
// Document costs about a millisecond a vendor. The layout is fixed by the findings schema, and
// every scalar that is not plainly safe is spelt by the yaml library itself, so the text is what
// the library would write for the whole document (tests hold the two to the same bytes).

export function findingsYaml(findings: Findings, schemaPath: string): string {
  return findingsHead(findings, schemaPath) + findings.vendors.map(vendorFindingYaml).join('');
}

/** Everything before the first vendor, ending in "vendors:" (or "vendors: []" when there are none). */
export function findingsHead(findings: Omit<Findings, 'vendors'> & { vendors: readonly unknown[] }, schemaPath: string): string {
  const { vendors, ...head } = findings;
  const text = stringify(head, { lineWidth: 0, minContentWidth: 0 });
  return `${schemaHint(schemaPath)}\n${text}vendors:${vendors.length ? '\n' : ' []\n'}`;
}

/** One vendor as an item of the `vendors:` list. */
export function vendorFindingYaml(v: VendorFinding): string {
  // A line break inside a flow mapping makes the library lay the mapping out over lines: rare
  // enough to leave to it entirely.
  if ([...v.redFlags.map((f) => f.title), ...v.roadmap.map((c) => c.title), v.spend?.currency ?? ''].some((t) => /[\n\r]/.test(t))) return libraryVendorYaml(v);
  const out: string[] = [`  - id: ${block(v.id, 4)}`];
  const line = (key: string, value: string) => out.push(`    ${key}: ${value}`);
  line('name', block(v.name, 4));
  line('category', block(v.category, 4));
  if (v.spend) line('spend', `{ amount: ${num(v.spend.amount)}, currency: ${flow(v.spend.currency)} }`);
  if (v.renewal !== undefined) line('renewal', block(v.renewal, 4));
  if (v.interviewed !== undefined) line('interviewed', block(v.interviewed, 4));
  line('score', num(v.score));
  line('verdict', block(v.verdict, 4));
  if (v.cappedBy) out.push('    cappedBy:', ...v.cappedBy.map((id) => `      - ${block(id, 6)}`));
  line('completeness', num(v.completeness));
  line('confidence', v.confidence === null ? 'null' : num(v.confidence));
  const sections = Object.entries(v.sections);
  if (sections.length === 0) line('sections', '{}');
  else out.push('    sections:', ...sections.map(([id, s]) => `      ${key(id)}: { score: ${s.score === null ? 'null' : num(s.score)}, earned: ${num(s.earned)}, possible: ${num(s.possible)} }`));
  if (v.redFlags.length === 0) line('redFlags', '[]');
  else out.push('    redFlags:', ...v.redFlags.map((f) => `      - { id: ${flow(f.id)}, severity: ${flow(f.severity)}, title: ${flow(f.title)} }`));
  if (v.roadmap.length === 0) line('roadmap', '[]');
  else {
    out.push('    roadmap:');
    for (const c of v.roadmap) {
      const fields = [`id: ${flow(c.id)}`, `title: ${flow(c.title)}`];
      if (c.promised !== undefined) fields.push(`promised: ${flow(c.promised)}`);
      fields.push(`due: ${flow(c.due)}`, `status: ${flow(c.status)}`);
      if (c.deliveredIn !== undefined) fields.push(`deliveredIn: ${flow(c.deliveredIn)}`);
      if (c.revisedDue !== undefined) fields.push(`revisedDue: ${flow(c.revisedDue)}`);
      fields.push(`state: ${flow(c.state)}`, `quartersLate: ${num(c.quartersLate)}`);
      out.push(`      - { ${fields.join(', ')} }`);
    }
  }
  const questions = Object.entries(v.questions);
  if (questions.length === 0) line('questions', '{}');
  else out.push('    questions:', ...questions.map(([id, text]) => `      ${key(id)}: ${block(text, 6)}`));
  line('digest', block(v.digest, 4));
  out.push('    source:', `      file: ${block(v.source.file, 6)}`, `      hash: ${block(v.source.hash, 6)}`);
  return `${out.join('\n')}\n`;
}

/** The vendor as the yaml library lays it out within a whole snapshot (see tests/helpers). */
function libraryVendorYaml(v: VendorFinding): string {
  const doc = new Document({ vendors: [v] }, { aliasDuplicateObjects: false });
  const vendor = (doc.get('vendors', true) as YAMLSeq<YAMLMap>).items[0]!;
  const spend = vendor.get('spend', true);
  if (isMap(spend)) spend.flow = true;
  const sections = vendor.get('sections', true);
  if (isMap(sections)) for (const pair of sections.items) if (isMap(pair.value)) pair.value.flow = true;
  for (const name of ['redFlags', 'roadmap']) {
    const list = vendor.get(name, true);
    if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
  }
  return doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true }).slice('vendors:\n'.length);
}

function num(n: number): string {
  return String(n);
}

// Plain text that reads back as the same string in every context: starts with a letter or digit,
// holds no YAML indicator, and is no other type (number, boolean, null) in YAML 1.2's core schema.
const SAFE = /^[A-Za-z0-9][A-Za-z0-9 ._/()+'’&-]*$/;
const NOT_A_STRING = /^(?:[-+]?(?:\d[\d_]*)?\.?\d[\d_]*(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan|true|false|null|~|y|n|yes|no|on|off)$/i;

function safe(text: string): boolean {
  return SAFE.test(text) && !NOT_A_STRING.test(text) && !text.endsWith(' ') && !/ #|: /.test(text);
}

const blockCache = new Map<string, string>();

/** A string as the value of a key indented by `indent` spaces in a block mapping. */
function block(text: string, indent: number): string {
  if (safe(text)) return text;
  const cacheKey = `${indent}\u0000${text}`;
  let spelt = blockCache.get(cacheKey);
  if (spelt === undefined) {
    // The library spells it as a nested value (key at 2 spaces, a block scalar's lines at 4);
    // the lines of a block scalar then move to 2 spaces past the real key.
    const nested = stringify({ a: { b: text } }, { lineWidth: 0, minContentWidth: 0, indent: 2 });
    spelt = nested.slice('a:\n  b: '.length, -1).replace(/\n {4}/g, `\n${' '.repeat(indent + 2)}`);
    if (blockCache.size < 10_000) blockCache.set(cacheKey, spelt);
  }
  return spelt;
}

const flowCache = new Map<string, string>();

/** A string inside a flow mapping ({ … }). */
function flow(text: string): string {
  if (safe(text) && !/[,[\]{}]/.test(text)) return text;
  let spelt = flowCache.get(text);
  if (spelt === undefined) {
    const doc = new Document({ a: text });
    (doc.contents as { flow?: boolean }).flow = true;
    spelt = doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true }).slice('{ a: '.length, -' }\n'.length);
    if (flowCache.size < 10_000) flowCache.set(text, spelt);
  }
  return spelt;
}

/** A mapping key: our keys are slugs and section paths. */
function key(text: string): string {
  return safe(text) ? text : block(text, 0);
}
