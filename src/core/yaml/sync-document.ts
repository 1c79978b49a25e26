import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Document, type Node, type Pair } from 'yaml';
import { canonicalJson } from '../digest.js';

// Rewrites a YAML document to hold new data while keeping what a person wrote around it:
// comments, key order, quoting, flow or block style. Only what changed is touched, and what
// did not change keeps its exact original text.

export type KeyOrder = (parentPath: readonly (string | number)[], key: string, existing: readonly string[]) => number;

/** The text of `original` updated to `data`; `keyOrder` places keys the document did not have. */
export function syncYaml(original: string, data: unknown, keyOrder?: KeyOrder): string {
  const doc = parseDocument(original, { keepSourceTokens: false });
  if (canonicalJson(doc.toJS()) === canonicalJson(data)) return original;
  const untouched = new Set<Node>();
  doc.contents = sync(doc, doc.contents as Node | null, data, [], keyOrder, untouched) as never;
  return keepLineBytes(original, restoreOriginalText(doc, original, untouched));
}

/** The same line, but for the spaces before a comment and at its end: what the writer normalises. */
function lineKey(line: string): string {
  return line.replace(/[ \t]+#/g, ' #').replace(/[ \t]+$/, '');
}

/** How far ahead an original line is looked for: past a block that was rewritten, not the whole file. */
const LOOKAHEAD = 200;

/**
 * Every line of `updated` that is a line of `original` but for the spaces before its comment gets
 * the original's exact bytes back (`Ops   # hand comment` keeps its alignment). Lines are matched
 * in order. A `#` inside a quoted value looks like a comment to this, so the result is kept only if
 * it reads as the same data as `updated`; otherwise `updated` is returned as it is.
 */
function keepLineBytes(original: string, updated: string): string {
  const before = original.split('\n');
  const keys = before.map(lineKey);
  let from = 0;
  let changed = false;
  const lines = updated.split('\n').map((line) => {
    const key = lineKey(line);
    // A quote before the first `#` may mean the `#` is inside a value: such a line is left as written.
    if (line.includes('#') && /['"]/.test(line.slice(0, line.indexOf('#')))) return line;
    const end = Math.min(before.length, from + LOOKAHEAD);
    for (let i = from; i < end; i++) {
      if (keys[i] !== key) continue;
      from = i + 1;
      if (before[i] !== line) changed = true;
      return before[i]!;
    }
    return line;
  });
  if (!changed) return updated;
  const kept = lines.join('\n');
  return canonicalJson(parseDocument(kept).toJS()) === canonicalJson(parseDocument(updated).toJS()) ? kept : updated;
}

function sync(doc: Document, node: Node | null, value: unknown, path: (string | number)[], keyOrder: KeyOrder | undefined, untouched: Set<Node>): Node {
  if (node && canonicalJson(node.toJSON()) === canonicalJson(value)) {
    untouched.add(node);
    visit(node, { Node: (_, child) => void untouched.add(child as Node) });
    return node;
  }
  if (isMap(node) && isRecord(value)) {
    for (const pair of [...node.items]) {
      const key = keyOf(pair);
      if (key === undefined) continue;
      if (!(key in value) || value[key] === undefined) node.items.splice(node.items.indexOf(pair), 1);
      else pair.value = sync(doc, pair.value as Node | null, value[key], [...path, key], keyOrder, untouched);
    }
    const existing = () => node.items.map(keyOf).filter((k): k is string => k !== undefined);
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined || existing().includes(key)) continue;
      // A map that was written empty in flow style ({}) reads better in block style once it has content.
      if (node.items.length === 0) node.flow = false;
      const pair = doc.createPair(key, child) as Pair;
      const at = keyOrder ? keyOrder(path, key, existing()) : node.items.length;
      node.items.splice(Math.max(0, Math.min(at, node.items.length)), 0, pair);
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    node.items.splice(value.length);
    value.forEach((item, i) => {
      if (i < node.items.length) node.items[i] = sync(doc, node.items[i] as Node | null, item, [...path, i], keyOrder, untouched);
      else node.items.push(doc.createNode(item));
    });
    if (node.items.length > 0 && node.flow && value.some((v) => isRecord(v))) node.flow = false;
    return node;
  }
  // A changed scalar keeps its node, and with it any comment written beside the value.
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    node.value = value;
    if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') node.type = undefined;
    return node;
  }
  return doc.createNode(value) as Node;
}

/**
 * The yaml library re-renders every node; flow collections and block scalars would come back
 * with its spacing and wrapping rather than the author's. Those left untouched are swapped for
 * placeholders while rendering, then given back their original text.
 */
function restoreOriginalText(doc: Document, original: string, untouched: Set<Node>): string {
  const kept = new Map<string, string>();
  const nonce = Math.random().toString(36).slice(2, 10);
  visit(doc, {
    Node(_, node) {
      if (!untouched.has(node as Node)) return undefined;
      const keep = isMap(node) || isSeq(node) ? node.flow === true : isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL');
      const range = (node as Node).range;
      if (!keep || !range) return undefined;
      let text = original.slice(range[0], range[1]);
      if (isScalar(node)) text = text.replace(/\n$/, '');
      const token = `aiclaim-keep-${nonce}-${kept.size}`;
      kept.set(token, text);
      const placeholder = new Scalar(token);
      placeholder.comment = (node as Node).comment;
      return placeholder;
    },
  });
  let out = doc.toString({ lineWidth: 0, minContentWidth: 0 });
  for (const [token, text] of kept) out = out.replace(token, () => text);
  return out;
}

function keyOf(pair: unknown): string | undefined {
  if (!isPair(pair)) return undefined;
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
