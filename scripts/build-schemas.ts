// Writes schemas/<kind>.schema.json from the zod schemas. `npm run schemas`; a test fails when they drift.
import { mkdirSync, writeFileSync } from 'node:fs';
import { jsonSchemas } from '../src/core/schema/json-schemas.js';

mkdirSync(new URL('../schemas/', import.meta.url), { recursive: true });
for (const [kind, text] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schemas/${kind}.schema.json`, import.meta.url), text);
  console.log(`schemas/${kind}.schema.json`);
}
