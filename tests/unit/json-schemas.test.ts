import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { glob } from 'tinyglobby';
import { jsonSchemas } from '../../src/core/schema/json-schemas.js';

const repo = resolve(import.meta.dirname, '..', '..');

describe('JSON Schemas for editors', () => {
  test.each(Object.entries(jsonSchemas()))('schemas/%s.schema.json is up to date (npm run schemas)', (kind, text) => {
    expect(readFileSync(join(repo, 'schemas', `${kind}.schema.json`), 'utf8')).toBe(text);
  });

  test('every shipped YAML file points its editor at a schema that exists', async () => {
    const files = await glob(['questionnaires/*.yaml', 'fixtures/**/*.yaml'], { cwd: repo, absolute: true });
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const hint = /^# yaml-language-server: \$schema=(.+)$/m.exec(text);
      expect(hint, file).not.toBeNull();
      expect(() => readFileSync(resolve(dirname(file), hint![1]!)), file).not.toThrow();
    }
  });
});
