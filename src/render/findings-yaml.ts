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
  const flowTexts = [
    ...v.redFlags.map((f) => f.title),
    ...v.roadmap.map((c) => c.title),
    v.spend?.currency ?? '',
    v.outcome?.metric ?? '',
    String(v.outcome?.value ?? ''),
    v.outcome?.source ?? '',
    ...(v.claims ?? []).flatMap((c) => c.checks.flatMap((k) => [k.asserts, k.found ?? ''])),
  ];
  if (flowTexts.some((t) => /[\n\r]/.test(t))) return libraryVendorYaml(v);
  const out: string[] = [`  - id: ${block(v.id, 4)}`];
  const line = (key: string, value: string) => out.push(`    ${key}: ${value}`);
  line('name', block(v.name, 4));
  line('category', block(v.category, 4));
  if (v.categoryLabel !== undefined) line('categoryLabel', block(v.categoryLabel, 4));
  if (v.spend) line('spend', `{ amount: ${num(v.spend.amount)}, currency: ${flow(v.spend.currency)} }`);
  if (v.renewal !== undefined) line('renewal', block(v.renewal, 4));
  if (v.usage) line('usage', `{ licensed: ${num(v.usage.licensed)}, used: ${num(v.usage.used)}, unit: ${flow(v.usage.unit)} }`);
  if (v.outcome) {
    const value = typeof v.outcome.value === 'number' ? num(v.outcome.value) : flow(v.outcome.value);
    line('outcome', `{ metric: ${flow(v.outcome.metric)}, value: ${value}, source: ${flow(v.outcome.source)} }`);
  }
  if (v.interviewed !== undefined) line('interviewed', block(v.interviewed, 4));
  line('score', v.score === null ? 'null' : num(v.score));
  line('verdict', block(v.verdict, 4));
  if (v.cappedBy) out.push('    cappedBy:', ...v.cappedBy.map((id) => `      - ${block(id, 6)}`));
  if (v.decisive) line('decisive', coverage(v.decisive));
  if (v.risk) {
    out.push('    risk:', `      safeguards: ${v.risk.safeguards === null ? 'null' : num(v.risk.safeguards)}`, `      rating: ${block(v.risk.rating, 6)}`);
    if (v.risk.cappedBy) out.push('      cappedBy:', ...v.risk.cappedBy.map((id) => `        - ${block(id, 8)}`));
    out.push(`      decisive: ${coverage(v.risk.decisive)}`);
  }
  line('completeness', num(v.completeness));
  line('confidence', v.confidence === null ? 'null' : num(v.confidence));
  const sections = Object.entries(v.sections);
  if (sections.length === 0) line('sections', '{}');
  else
    out.push(
      '    sections:',
      ...sections.map(
        ([id, s]) => `      ${key(id)}: { score: ${s.score === null ? 'null' : num(s.score)}, earned: ${num(s.earned)}, possible: ${num(s.possible)} }`,
      ),
    );
  if (v.redFlags.length === 0) line('redFlags', '[]');
  else out.push('    redFlags:', ...v.redFlags.map((f) => `      - { ${flagFields(f).join(', ')} }`));
  if (v.claims) {
    out.push('    claims:');
    for (const c of v.claims) {
      out.push(`      - id: ${block(c.id, 8)}`, `        text: ${block(c.text, 8)}`);
      if (c.source !== undefined) out.push(`        source: ${block(c.source, 8)}`);
      if (c.date !== undefined) out.push(`        date: ${block(c.date, 8)}`);
      out.push('        checks:');
      for (const k of c.checks) {
        const fields = [`question: ${flow(k.question)}`, `asserts: ${flow(k.asserts)}`, `outcome: ${flow(k.outcome)}`];
        if (k.found !== undefined) fields.push(`found: ${flow(k.found)}`);
        out.push(`          - { ${fields.join(', ')} }`);
      }
    }
  }
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

function coverage(c: NonNullable<VendorFinding['decisive']>): string {
  const missing = c.missing ? `, missing: [ ${c.missing.map(flow).join(', ')} ]` : '';
  return `{ answered: ${num(c.answered)}, applicable: ${num(c.applicable)}, required: ${num(c.required)}${missing} }`;
}

function flagFields(f: VendorFinding['redFlags'][number]): string[] {
  const fields = [`id: ${flow(f.id)}`, `severity: ${flow(f.severity)}`, `title: ${flow(f.title)}`];
  if (f.basis !== undefined) fields.push(`basis: ${flow(f.basis)}`);
  if (f.rating !== undefined) fields.push(`rating: ${flow(f.rating)}`);
  if (f.subject !== undefined) fields.push(`subject: ${flow(f.subject)}`);
  if (f.ask !== undefined) fields.push(`ask: [ ${f.ask.map(flow).join(', ')} ]`);
  return fields;
}

/** The vendor as the yaml library lays it out within a whole snapshot (see tests/helpers). */
function libraryVendorYaml(v: VendorFinding): string {
  const doc = new Document({ vendors: [v] }, { aliasDuplicateObjects: false });
  const vendor = (doc.get('vendors', true) as YAMLSeq<YAMLMap>).items[0]!;
  setFlowLayout(vendor);
  return doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true }).slice('vendors:\n'.length);
}

/**
 * Which parts of a vendor's finding are written on one line each: small records, so that a
 * changed fact is one changed line in `git diff`.
 */
export function setFlowLayout(vendor: YAMLMap): void {
  const flowMap = (node: unknown) => {
    if (isMap(node)) node.flow = true;
  };
  flowMap(vendor.get('spend', true));
  flowMap(vendor.get('usage', true));
  flowMap(vendor.get('outcome', true));
  flowMap(vendor.get('decisive', true));
  const risk = vendor.get('risk', true);
  if (isMap(risk)) flowMap(risk.get('decisive', true));
  const sections = vendor.get('sections', true);
  if (isMap(sections)) for (const pair of sections.items) flowMap(pair.value);
  for (const name of ['redFlags', 'roadmap']) {
    const list = vendor.get(name, true);
    if (isSeq(list)) for (const item of list.items) flowMap(item);
  }
  const claims = vendor.get('claims', true);
  if (isSeq(claims)) {
    for (const claim of claims.items) {
      const checks = isMap(claim) ? claim.get('checks', true) : undefined;
      if (isSeq(checks)) for (const check of checks.items) flowMap(check);
    }
  }
}

function num(n: number): string {
  return String(n);
}

// Plain text that reads back as the same string in every context: starts with a letter or digit,
// holds no YAML indicator, and is no other type (number, boolean, null) in YAML 1.2's core schema.
const SAFE = /^[A-Za-z0-9][A-Za-z0-9 ._/()+'’&-]*$/;
// Numbers as YAML reads them, `0.` and `.5` included: written plain, they would come back as numbers.
const NOT_A_STRING = /^(?:[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan|true|false|null|~|y|n|yes|no|on|off)$/i;

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
