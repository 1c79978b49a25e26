import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { isScalar, Schema, type ScalarTag } from 'yaml';
import { isPlainYaml } from './plain-yaml.js';

// The data of a YAML file without source positions, some eight times quicker than the precise
// reader (parse-yaml.ts), for files that turn out to have no problem: js-yaml, over the text
// plain-yaml.ts vouches for. Plain scalars are resolved by the precise reader's own tags (YAML 1.2
// core: `2026-11-20` and `yes` stay text, `0o17` is 15, `017` is 17, `.inf` is Infinity), so that
// the data is the same, key order and types included. Undefined when the file is not one it can
// vouch for, or js-yaml refuses it (duplicate keys among others): the precise reader then reads it.

/** The precise reader's plain-scalar tags, in the order it tries them, as js-yaml types. */
function coreTypes(): Type[] {
  const tags = new Schema({}).tags.filter(
    (tag): tag is ScalarTag & { test: RegExp } => !('collection' in tag && tag.collection) && tag.default === true && !!tag.test,
  );
  return tags.map(
    (tag, i) =>
      new Type(`tag:aiclaim,2026:core-${i}`, {
        kind: 'scalar',
        resolve: (source: unknown) => typeof source === 'string' && tag.test.test(source),
        construct: (source: string) => {
          const value = tag.resolve(source, fail, {});
          return isScalar(value) ? value.value : value;
        },
      }),
  );
}

function fail(message: string): never {
  throw new Error(message);
}

/** Built on first use: nothing is done on import. */
let schema: ReturnType<typeof FAILSAFE_SCHEMA.extend> | undefined;

export function fastParse(text: string): unknown {
  if (!isPlainYaml(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: (schema ??= FAILSAFE_SCHEMA.extend({ implicit: coreTypes() })) });
  } catch {
    return undefined;
  }
  return data !== undefined && data !== null && keysAsPrecise(data) ? data : undefined;
}

/**
 * js-yaml writes a `null` key as "null", the precise reader as "": a file with such a key, or one
 * spelled "null", is left to the precise reader. Other scalar keys are written alike (String()).
 */
function keysAsPrecise(data: unknown): boolean {
  const stack = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (key === 'null') return false;
      stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return true;
}
